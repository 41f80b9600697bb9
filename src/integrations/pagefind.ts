/**
 * Astro integration that indexes the built site with Pagefind's Node API
 * (https://pagefind.app/docs/node-api/) at `astro:build:done`, so `astro build` alone leaves a
 * searchable site with the index in `dist/pagefind/`.
 */
import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import * as pagefind from 'pagefind';

/**
 * @returns the integration. Indexing errors fail the build with Pagefind's messages.
 */
export default function pagefindIntegration(): AstroIntegration {
  return {
    name: 'lectern:pagefind',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const site = fileURLToPath(dir);
        const started = performance.now();
        const { index, errors } = await pagefind.createIndex({ forceLanguage: 'en' });
        if (!index) throw new Error(`Pagefind could not create an index: ${errors.join('; ')}`);
        const added = await index.addDirectory({ path: site });
        if (added.errors.length > 0) throw new Error(`Pagefind indexing failed: ${added.errors.join('; ')}`);
        // getFiles + our own write instead of index.writeFiles: pagefind 1.5.2's writeFiles cuts
        // files at 128 KiB (pagefind-component-ui.js, 175 KB, came out truncated and the search UI
        // threw a SyntaxError); getFiles returns every file whole.
        const got = await index.getFiles();
        if (got.errors.length > 0) throw new Error(`Pagefind could not produce its files: ${got.errors.join('; ')}`);
        const out = join(site, 'pagefind');
        for (const file of got.files) {
          const target = join(out, file.path);
          mkdirSync(dirname(target), { recursive: true });
          writeFileSync(target, file.content);
        }
        await pagefind.close();
        logger.info(`Pagefind indexed ${added.page_count} pages in ${Math.round(performance.now() - started)} ms`);
      },
    },
  };
}
