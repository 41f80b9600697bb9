// @ts-check
// The benchmark's baseline: a minimal Astro site (built-in glob() loader, one page per Markdown
// abstract) using the root node_modules. Content directory: BASELINE_CONTENT (absolute path).
import { defineConfig } from 'astro/config';

export default defineConfig({
  trailingSlash: 'always',
  build: { format: 'directory' },
});
