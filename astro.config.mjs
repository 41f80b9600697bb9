// @ts-check
import { defineConfig } from 'astro/config';
import tailwindcss from '@tailwindcss/vite';
import sitemap from '@astrojs/sitemap';
import pagefind from './src/integrations/pagefind.ts';
import headers from './src/integrations/headers.ts';

/**
 * Hosting under a sub-path (e.g. GitHub Pages project sites): set LECTERN_BASE=/lectern/.
 * The public origin for canonical URLs: LECTERN_SITE=https://example.org.
 */
const base = process.env.LECTERN_BASE || '/';
const site = process.env.LECTERN_SITE || 'http://localhost:4321';

export default defineConfig({
  site,
  base,
  trailingSlash: 'always',
  // concurrency: pages rendered at once; while one page's file is written, another renders.
  build: { format: 'directory', concurrency: 4 },
  // /list/ is the reader's own (browser-local) list: nothing there for a crawler.
  // headers() before pagefind(): build:done hooks run in this order, so the _headers scan of the
  // built pages runs while Pagefind's binary is still finishing the index (pagefind() then waits less).
  integrations: [sitemap({ filter: (page) => !/\/list\/$/.test(page) }), headers(), pagefind()],
  // assetsInlineLimit 0: never inline bundled scripts/styles into the HTML, so the only inline
  // script is the byte-stable theme script in src/components/HeadMeta.astro (CSP hashes it).
  vite: { plugins: [tailwindcss()], build: { assetsInlineLimit: 0 } },
});
