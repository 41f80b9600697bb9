/**
 * Astro integration that indexes the built site with Pagefind's Node API
 * (https://pagefind.app/docs/node-api/) at `astro:build:done`, so `astro build` alone leaves a
 * searchable site with the index in `dist/pagefind/`.
 */
import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
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
        const written = await index.writeFiles({ outputPath: join(site, 'pagefind') });
        if (written.errors.length > 0) throw new Error(`Pagefind could not write its files: ${written.errors.join('; ')}`);
        await pagefind.close();
        logger.info(`Pagefind indexed ${added.page_count} pages in ${Math.round(performance.now() - started)} ms`);
      },
    },
  };
}
