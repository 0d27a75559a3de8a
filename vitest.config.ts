import path from "node:path";
import { defineConfig } from "vitest/config";

const root = path.dirname(new URL(import.meta.url).pathname);

// The embedded-database pass (TEST_DRIVER=pglite) is there to catch a query that waits on its own
// transaction behind PGlite's single connection: it runs every file that writes through the domain.
// Left out: files that test the same thing whatever the driver (they pick their own: the outage,
// lock and migration tests), read-only policy tables and PostgreSQL plans, and provider/Redis
// fault and fuzz files whose database work the other files already cover, the audit export's
// 100,000-event memory test (the stream is the same code on both drivers; audit-log runs on both),
// and the files about policy or parallel requests rather than writes (the cross-tenant sweep of
// every domain function, settings policy, parallel sign-ins: one embedded connection serialises them).
const notOnEmbedded = [
  "database-outage",
  "embedded-lock",
  "migrations",
  "sessions-access-matrix",
  "clients-access-matrix",
  "sessions-list-explain",
  "documents-list",
  "input-fuzz",
  "redis-down-caps",
  "outbox-faults",
  "audit-export-memory",
  "cross-tenant-sweep",
  "settings-policy",
  "sign-in-parallel",
].map((name) => `tests/integration/${name}.test.ts`);
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
        test: { name: "unit", include: ["tests/unit/**/*.test.{ts,tsx}", "lib/**/*.test.{ts,tsx}"], environment: "node" },
      },
      {
        resolve: { alias },
        test: {
          name: "integration",
          include: ["tests/integration/**/*.test.ts"],
          exclude: process.env.TEST_DRIVER === "pglite" ? notOnEmbedded : [],
          environment: "node",
          globalSetup: ["tests/integration/global-setup.ts"],
          setupFiles: ["tests/integration/fresh-database.ts"],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          fileParallelism: true,
          maxWorkers: 2,
        },
      },
    ],
  },
});
