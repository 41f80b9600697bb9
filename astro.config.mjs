// @ts-check
import { defineConfig } from 'astro/config';
import tailwindcss from '@tailwindcss/vite';
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
  build: { format: 'directory' },
  integrations: [pagefind(), headers()],
  vite: { plugins: [tailwindcss()] },
});
