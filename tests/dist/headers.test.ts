import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { headersFor, parseHeadersFile, scriptHashSource } from '../../src/lib/site/headers.ts';
import { DIST, htmlPages, summarise } from './helpers.ts';

const rules = () => parseHeadersFile(readFileSync(join(DIST, '_headers'), 'utf8'));

test('dist/_headers sends a Content-Security-Policy that forbids unhashed inline script', () => {
  const h = headersFor(rules(), '/papers/x/');
  const csp = h.get('content-security-policy') ?? '';
  const directives = new Map(csp.split(';').map((d) => d.trim().split(/\s+/)).map(([k, ...v]) => [k!, v]));
  expect(directives.get('script-src')).toContain("'wasm-unsafe-eval'");
  expect(directives.get('script-src')).not.toContain("'unsafe-inline'");
  expect(directives.get('script-src')).not.toContain("'unsafe-eval'");
  expect(directives.get('object-src')).toEqual(["'none'"]);
  expect(directives.get('frame-ancestors')).toEqual(["'none'"]);
  expect(h.get('x-content-type-options')).toBe('nosniff');
});

test('every inline script of every page has its hash in script-src, and no page uses inline event handlers', () => {
  const scriptSrc = (headersFor(rules(), '/').get('content-security-policy') ?? '').split(';').find((d) => d.trim().startsWith('script-src')) ?? '';
  const allowed = new Set(scriptSrc.trim().split(/\s+/));
  const failures: { key: string; where: string }[] = [];
  for (const { file, facts } of htmlPages(DIST)) {
    for (const s of facts.inlineScripts) {
      const hash = scriptHashSource(s);
      if (!allowed.has(hash)) failures.push({ key: `inline script ${hash} (${JSON.stringify(s.slice(0, 60))}…) not in script-src`, where: file });
    }
    for (const h of facts.eventHandlers) failures.push({ key: `inline event handler ${h}`, where: file });
  }
  expect(summarise(failures)).toEqual([]);
});
