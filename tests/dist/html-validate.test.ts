import { join } from 'node:path';
import { FileSystemConfigLoader, HtmlValidate } from 'html-validate';
import { expect, test } from 'vitest';
import { walkFiles } from '../../src/lib/quality/html.ts';
import { DIST, requireBuild, summarise } from './helpers.ts';

test('every HTML file in dist/ is valid (html-validate, .htmlvalidate.json)', async () => {
  requireBuild(DIST);
  const validator = new HtmlValidate(new FileSystemConfigLoader());
  const files = walkFiles(DIST).filter((f) => f.endsWith('.html'));
  expect(files.length).toBeGreaterThan(3);
  const failures: { key: string; where: string }[] = [];
  for (const file of files) {
    const report = await validator.validateFile(join(DIST, file));
    for (const r of report.results)
      for (const m of r.messages) if (m.severity === 2) failures.push({ key: `[${m.ruleId}] ${m.message}`, where: `${file}:${m.line}:${m.column}` });
  }
  expect(summarise(failures), `html-validate errors in ${files.length} files`).toEqual([]);
});
