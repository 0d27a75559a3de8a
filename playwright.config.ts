import { defineConfig } from "@playwright/test";

// E2E_PORT and NEXT_DIST_DIR let two runs (two shards, or two engineers on one machine) build and serve side by side.
const port = Number(process.env.E2E_PORT ?? 3100);
const baseURL = `http://127.0.0.1:${port}`;

// Passed through to `next start` (scripts/test-e2e.sh sets them).
const passThrough = ["DATABASE_URL", "AUTH_SECRET", "AUTH_TRUST_HOST", "APP_URL", "OUTBOX_VIEWER", "NEXT_DIST_DIR", "OUTBOX_CRON_SECRET", "SHARE_CODE_SECRET", "SWEEP_CRON_SECRET", "HTTP_COMPRESSION"] as const;
const serverEnv: Record<string, string> = {};
for (const name of passThrough) {
  const value = process.env[name];
  if (value !== undefined) serverEnv[name] = value;
}

export default defineConfig({
  testDir: "tests/e2e",
  workers: 1,
  retries: process.env.CI ? 1 : 0,
  reporter: "list",
  // scripts/test-e2e.sh runs shards side by side: each keeps its own traces (Playwright empties this folder first).
  outputDir: process.env.E2E_OUTPUT_DIR ?? "test-results",
  // Generous: `npm test` may run on a slow, busy machine; a passing test takes no longer for it.
  timeout: 120_000,
  expect: { timeout: 20_000 },
  use: {
    baseURL,
    // Recorded only when a failed test is retried (CI): recording every test cost a third of the browsers' CPU.
    trace: "on-first-retry",
  },
  projects: [
    {
      name: "chromium",
      use: {
        browserName: "chromium",
        launchOptions: {
          // Debian's chromium-headless-shell (scripts/ensure-chromium.sh): `npx playwright install` cannot download here.
          executablePath: process.env.E2E_CHROMIUM ?? "/usr/bin/chromium-headless-shell",
          args: [
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
            "--disable-quic",
          ],
        },
      },
    },
  ],
  webServer: {
    command: `npx next start -p ${port} -H 127.0.0.1`,
    url: `${baseURL}/sign-in`,
    reuseExistingServer: false,
    timeout: 120_000,
    env: serverEnv,
  },
});
