import path from "node:path";
import { defineConfig } from "vitest/config";

const root = path.dirname(new URL(import.meta.url).pathname);

// The embedded-database pass (TEST_DRIVER=pglite, the newcomer's default driver) is there to catch
// a query that waits on its own transaction behind PGlite's single connection, and to show the
// audit table refuses UPDATE/DELETE there too. To keep `npm test` short it runs a sample: the files
// that write through the sharing, portal, reply and request flows (each domain operation one
// transaction, audited and notified). Every other file runs on PostgreSQL only, including some that
// write through the domain too (accounts, invitations, client details, emergency access).
const onEmbedded = [
  "audit-trail",
  "sessions-sharing",
  "documents-sharing",
  "documents-multi-share",
  "client-portal",
  "replies",
  "share-links-lifecycle",
  "access-requests",
].map((name) => `tests/integration/${name}.test.ts`);
// Files that replace modules (vi.mock) or change the environment the app reads at import time run
// with modules of their own, apart from the shared-module files.
const ownModules = ["sign-in-parallel", "two-factor", "database-outage", "security-hardening", "outbox-faults", "redis-down-caps"].map(
  (name) => `tests/integration/${name}.test.ts`,
);
const unitFiles = ["tests/unit/**/*.test.{ts,tsx}", "lib/**/*.test.{ts,tsx}"];
const unitOwnModules = ["app-url", "callback-url", "derived-keys", "outbox-retry-policy", "rate-limit-backend", "rate-limit-redis-down", "rate-limit"].map(
  (name) => `tests/unit/${name}.test.ts`,
);
const integration = {
  environment: "node",
  globalSetup: ["tests/integration/global-setup.ts"],
  setupFiles: ["tests/integration/fresh-database.ts"],
  testTimeout: 60_000,
  hookTimeout: 120_000,
  fileParallelism: true,
  maxWorkers: 2,
};
const alias = {
  "@": root,
  // lib/ files start with `import "server-only"`; outside React's server build it is a no-op marker.
  "server-only": path.join(root, "node_modules/server-only/empty.js"),
};

export default defineConfig({
  resolve: { alias },
  test: {
    projects: [
      {
        resolve: { alias },
        // One module graph per worker here too, but for the files that mock modules or stub the environment.
        test: { name: "unit", include: unitFiles, exclude: unitOwnModules, environment: "node", isolate: false, unstubEnvs: true },
      },
      {
        resolve: { alias },
        test: { name: "unit-isolated", include: unitOwnModules, environment: "node" },
      },
      {
        resolve: { alias },
        test: {
          ...integration,
          name: "integration",
          include: process.env.TEST_DRIVER === "pglite" ? onEmbedded : ["tests/integration/**/*.test.ts"],
          exclude: ownModules,
          // One module graph per worker, not per file (the suite spent more time importing the app than
          // running tests): each file still gets its own fresh database (fresh-database.ts closes the
          // connection after the file, and the next file's opens on its own database).
          isolate: false,
          // …so a test's vi.stubEnv must not outlive it.
          unstubEnvs: true,
        },
      },
      {
        resolve: { alias },
        test: { ...integration, name: "integration-isolated", include: ownModules },
      },
    ],
  },
});
