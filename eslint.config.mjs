import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

const config = [
  ...nextVitals,
  ...nextTs,
  { ignores: [".next/**", ".next-*/**", "node_modules/**", ".data/**", ".tmp/**", "db/migrations/**", "next-env.d.ts", "test-results/**", "playwright-report/**"] },
  {
    // Pages and components reach data only through lib/ (the data-access layer).
    files: ["app/**/*.{ts,tsx}", "components/**/*.{ts,tsx}"],
    rules: {
      "no-restricted-imports": ["error", { patterns: [{ group: ["@/db", "@/db/*"], message: "Go through lib/: only lib/, db/ and tests/ import db/." }] }],
    },
  },
];

export default config;
