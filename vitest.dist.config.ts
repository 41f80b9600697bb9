import { defineConfig } from 'vitest/config';

/**
 * Quality gates over the built site (`dist/`, `dist-sub/`, `dist-repro/`): run after
 * `npm run test:builds` (see package.json `test:e2e`).
 */
export default defineConfig({
  test: {
    include: ['tests/dist/**/*.test.ts'],
    testTimeout: 300_000,
  },
});
