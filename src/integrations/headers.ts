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
import { scanHtml, walkFiles } from '../lib/quality/html.ts';

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
        for (const file of walkFiles(site)) {
          if (!file.endsWith('.html')) continue;
          const html = readFileSync(join(site, file), 'utf8');
          // Cheap pre-check so large sites parse only the pages that can matter.
          if (!html.includes('<script') && !/\son[a-z]+=/i.test(html)) continue;
          const facts = scanHtml(html);
          for (const s of facts.inlineScripts) hashes.add(scriptHashSource(s));
          for (const h of facts.eventHandlers) handlers.push(`${file}: ${h}`);
        }
        if (handlers.length > 0) throw new Error(`Inline event handlers are blocked by the Content-Security-Policy; use a <script> instead:\n  ${handlers.slice(0, 10).join('\n  ')}`);
        writeFileSync(path, addScriptHashesToHeadersFile(readFileSync(path, 'utf8'), hashes));
        logger.info(`_headers: ${hashes.size} inline script hash(es) added to script-src`);
      },
    },
  };
}
