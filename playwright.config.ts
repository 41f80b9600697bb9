import { defineConfig, devices } from '@playwright/test';
import { existsSync } from 'node:fs';

/**
 * Browser tests run against the built site (`dist/`, served by `astro preview`).
 * A system Chromium is used when one is installed (CI, containers without Playwright's browser
 * downloads); otherwise Playwright's own browser (`npx playwright install chromium`).
 */
const systemChromium = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].find(
  (p): p is string => !!p && existsSync(p),
);
const PORT = Number(process.env.LECTERN_TEST_PORT || 4329);
/**
 * The untrusted-input fixture site (`npm run build:fixtures` → `dist-fixtures/`, built from
 * tests/fixtures/untrusted/) is served on a second port for tests/e2e/untrusted.spec.ts.
 */
const FIXTURES_PORT = Number(process.env.LECTERN_FIXTURES_PORT || PORT + 100);
const UNTRUSTED_SPEC = /untrusted\.spec\.ts$/;

export default defineConfig({
  testDir: 'tests/e2e',
  fullyParallel: true,
  forbidOnly: !!process.env.CI,
  retries: process.env.CI ? 1 : 0,
  workers: process.env.CI ? 2 : undefined,
  reporter: process.env.CI ? [['list']] : [['list']],
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    trace: 'retain-on-failure',
    launchOptions: systemChromium
      ? {
          executablePath: systemChromium,
          args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
        }
      : {},
  },
  projects: [
    { name: 'chromium', use: { ...devices['Desktop Chrome'] }, testIgnore: UNTRUSTED_SPEC },
    { name: 'untrusted', use: { ...devices['Desktop Chrome'], baseURL: `http://127.0.0.1:${FIXTURES_PORT}` }, testMatch: UNTRUSTED_SPEC },
  ],
  webServer: [
    {
      command: `npx astro preview --host 127.0.0.1 --port ${PORT}`,
      url: `http://127.0.0.1:${PORT}/`,
      reuseExistingServer: !process.env.CI,
      timeout: 60_000,
    },
    {
      command: `npx astro preview --ignore-lock --outDir dist-fixtures --host 127.0.0.1 --port ${FIXTURES_PORT}`,
      url: `http://127.0.0.1:${FIXTURES_PORT}/`,
      reuseExistingServer: !process.env.CI,
      timeout: 60_000,
    },
  ],
});
