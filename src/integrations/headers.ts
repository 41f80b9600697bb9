/**
 * Astro integration that finishes `dist/_headers` (Netlify / Cloudflare Pages syntax) at
 * `astro:build:done`: `public/_headers` is the maintained source (copied into the output by Astro);
 * this adds a `'sha256-…'` source to the Content-Security-Policy's `script-src` for every inline
 * script in the built HTML, so a page may carry a small inline script (e.g. a theme switch that
 * must run before first paint) without `'unsafe-inline'`.
 */
import type { AstroIntegration } from 'astro';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { addScriptHashesToHeadersFile, scriptHashSource } from '../lib/site/headers.ts';
import { scanHtml, scriptElementSources, walkFiles } from '../lib/quality/html.ts';

/**
 * @returns the integration.
 * @throws at build time when `dist/_headers` is missing, or a page has an inline event handler
 *   attribute (`onclick=` …), which no hash can allow under this policy.
 */
export default function headersIntegration(): AstroIntegration {
  return {
    name: 'lectern:headers',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const site = fileURLToPath(dir);
        const path = join(site, '_headers');
        if (!existsSync(path)) throw new Error('dist/_headers is missing: public/_headers should have been copied into the build');
        const hashes = new Set<string>();
        const handlers: string[] = [];
        // Pages repeat the same few scripts: parse each distinct <script> element once, not every
        // page (at 10k papers, parsing every page took 5 of the build's seconds). Only elements
        // holding an executable inline script are remembered: data blocks (each page's JSON-LD)
        // are distinct per page and would otherwise pile up (~85 MB at 50k papers).
        const executable = new Set<string>();
        for (const file of walkFiles(site)) {
          if (!file.endsWith('.html')) continue;
          const html = readFileSync(join(site, file), 'utf8');
          for (const element of scriptElementSources(html)) {
            if (executable.has(element)) continue;
            const scripts = scanHtml(element).inlineScripts;
            if (scripts.length === 0) continue;
            executable.add(element);
            for (const s of scripts) hashes.add(scriptHashSource(s));
          }
          // Only a page that may carry an on…= attribute is parsed whole.
          if (/\son[a-z]+\s*=/i.test(html)) for (const h of scanHtml(html).eventHandlers) handlers.push(`${file}: ${h}`);
        }
        if (handlers.length > 0) throw new Error(`Inline event handlers are blocked by the Content-Security-Policy; use a <script> instead:\n  ${handlers.slice(0, 10).join('\n  ')}`);
        writeFileSync(path, addScriptHashesToHeadersFile(readFileSync(path, 'utf8'), hashes));
        logger.info(`_headers: ${hashes.size} inline script hash(es) added to script-src`);
      },
    },
  };
}
