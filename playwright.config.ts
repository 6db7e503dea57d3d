import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineConfig } from '@playwright/test';
import { ADMIN_EMAIL, ADMIN_PASSWORD, BASE_URL, E2E_PORT } from './test/e2e/helpers.ts';
import { FAKE_FACEBOOK_URL, FAKE_GRAPH_URL, FAKE_PORTS, FAKE_ZALO_URL } from './test/e2e/social-fakes.ts';

// Every run starts from an empty database (seeded at start) in a fresh DATA_DIR. The config is
// also loaded by the worker processes: the environment variable makes them reuse the runner's
// folder, and only the runner, which made it, removes it when it exits (even after a failed start).
let dataDir = process.env.MINHBACH_E2E_DATA_DIR;
if (!dataDir) {
  const made = mkdtempSync(join(tmpdir(), 'minhbach-e2e-'));
  process.env.MINHBACH_E2E_DATA_DIR = dataDir = made;
  process.on('exit', () => rmSync(made, { recursive: true, force: true }));
}

export default defineConfig({
  testDir: 'test/e2e',
  workers: 1,
  retries: 0,
  fullyParallel: false,
  forbidOnly: Boolean(process.env.CI),
  reporter: 'list',
  outputDir: 'test-results',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  use: {
    baseURL: BASE_URL,
    locale: 'vi-VN',
    timezoneId: 'Asia/Ho_Chi_Minh',
    viewport: { width: 1280, height: 800 },
    actionTimeout: 15_000,
    navigationTimeout: 15_000,
    trace: 'off',
    screenshot: 'only-on-failure',
    video: 'off',
    browserName: 'chromium',
    headless: true,
    launchOptions: {
      // Debian's Chromium; the tests never depend on `npx playwright install`.
      executablePath: '/usr/bin/chromium',
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  webServer: [{
    // Builds web/admin when its sources changed since the last build, then serves everything.
    command: 'node scripts/build-admin-if-stale.mjs && node bin/minhbach.js serve',
    url: `${BASE_URL}/healthz`,
    reuseExistingServer: false,
    timeout: 120_000,
    stdout: 'ignore',
    stderr: 'pipe',
    env: {
      PORT: String(E2E_PORT),
      HOST: '127.0.0.1',
      PUBLIC_URL: BASE_URL,
      DATA_DIR: dataDir,
      ADMIN_EMAIL,
      ADMIN_PASSWORD,
      LOG_LEVEL: 'warn',
      // The journeys sign in a dozen times a minute from one address; the limit itself is tested in Vitest.
      LOGIN_RATE_LIMIT: '1000',
      // Social networks: the local fakes below; short polls and retries instead of sleeps.
      FACEBOOK_GRAPH_URL: FAKE_GRAPH_URL,
      ZALO_OPENAPI_URL: FAKE_ZALO_URL,
      ZALO_OAUTH_URL: FAKE_ZALO_URL,
      JOB_POLL_MS: '200',
      SOCIAL_RETRY_MS: '300',
      SOCIAL_TIMEOUT_MS: '3000',
    },
  }, {
    // Fake Facebook Graph API and Zalo OA on 127.0.0.1 (test/support/fake-social-server.ts).
    command: 'npx tsx test/support/fake-social-server.ts',
    url: `${FAKE_FACEBOOK_URL}/__control`,
    reuseExistingServer: false,
    timeout: 30_000,
    stdout: 'ignore',
    stderr: 'pipe',
    env: { FAKE_FACEBOOK_PORT: String(FAKE_PORTS.facebook), FAKE_ZALO_PORT: String(FAKE_PORTS.zalo) },
  }],
});
