import { defineConfig } from "@playwright/test";

// E2E_PORT and NEXT_DIST_DIR let two runs (e.g. two engineers on one machine) build and serve side by side.
const port = Number(process.env.E2E_PORT ?? 3100);
const baseURL = `http://127.0.0.1:${port}`;

// Passed through to `next start` (scripts/test-e2e.sh sets them).
const passThrough = ["DATABASE_URL", "AUTH_SECRET", "AUTH_TRUST_HOST", "APP_URL", "OUTBOX_VIEWER", "NEXT_DIST_DIR", "OUTBOX_CRON_SECRET", "SHARE_CODE_SECRET", "SWEEP_CRON_SECRET"] as const;
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
  timeout: 60_000,
  expect: { timeout: 10_000 },
  use: {
    baseURL,
    trace: "retain-on-failure",
  },
  projects: [
    {
      name: "chromium",
      use: {
        browserName: "chromium",
        launchOptions: {
          // Debian's Chromium: `npx playwright install` cannot download on these machines.
          executablePath: "/usr/bin/chromium",
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
