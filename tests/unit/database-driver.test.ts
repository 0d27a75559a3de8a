import { describe, expect, it } from "vitest";
import { driverFor } from "@/db/client";

describe("the database driver follows DATABASE_URL", () => {
  it("uses embedded PGlite when no URL is set", () => {
    expect(driverFor(undefined)).toBe("pglite");
    expect(driverFor("")).toBe("pglite");
  });
  it("uses a pooled server connection for an ordinary Postgres URL", () => {
    expect(driverFor("postgres://app:secret@db.internal:5432/carebridge")).toBe("postgres");
    expect(driverFor("postgresql://localhost/carebridge")).toBe("postgres");
  });
  it("uses Neon's serverless driver for a Neon URL", () => {
    expect(driverFor("postgresql://app:secret@ep-cool-darkness-123456.eu-central-1.aws.neon.tech/neondb?sslmode=require")).toBe("neon");
  });
});
