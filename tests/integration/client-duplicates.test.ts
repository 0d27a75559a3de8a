import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import * as s from "@/db/schema";
import { createClient } from "@/lib/clients/create-client";
import { findDuplicateClients } from "@/lib/clients/find-duplicate-clients";
import { createMember, createOrganisation } from "../support/factories";

const jordan = { firstName: "Jordan", lastName: "Lee", dateOfBirth: "1988-04-12", email: "jordan.dupes@example.test", phone: null, practitionerId: null };

async function setup() {
  const org = await createOrganisation();
  const admin = await createMember(org, { role: "admin" });
  const first = (await createClient(admin, jordan)).clientId;
  return { org, admin, first };
}

const code = (p: Promise<unknown>) => p.then(() => "ok", (e: { code?: string }) => e.code ?? "thrown");

describe("a new client who may already have a chart", () => {
  it("is refused when the email, or the name and date of birth, match a chart (case and spacing ignored), and the match is named", async () => {
    const { admin, first } = await setup();
    expect(await code(createClient(admin, { ...jordan, firstName: "Jo", email: "JORDAN.DUPES@example.test" }))).toBe("possible_duplicate");
    expect(await code(createClient(admin, { ...jordan, firstName: " jordan ", lastName: "LEE", email: null }))).toBe("possible_duplicate");
    expect(await findDuplicateClients(admin, { ...jordan, email: null })).toEqual([{ visible: true, id: first, name: "Jordan Lee", dateOfBirth: "1988-04-12", sameEmail: false }]);
    // The same name without a date of birth, or another date of birth, is someone else.
    expect(await code(createClient(admin, { ...jordan, email: null, dateOfBirth: null }))).toBe("ok");
    expect(await code(createClient(admin, { ...jordan, email: null, dateOfBirth: "1990-01-01" }))).toBe("ok");
  });

  it("is created when the person says it is someone else; another clinic's charts never match", async () => {
    const { admin } = await setup();
    expect(await code(createClient(admin, { ...jordan, differentPerson: true }))).toBe("ok");
    const elsewhere = await createMember(await createOrganisation(), { role: "admin" });
    expect(await findDuplicateClients(elsewhere, jordan)).toEqual([]);
    expect(await code(createClient(elsewhere, jordan))).toBe("ok");
  });

  it("50 people creating the same new client at once make one chart", async () => {
    const { admin } = await setup();
    const twin = { ...jordan, firstName: "Robin", email: "robin.race@example.test" };
    const results = await Promise.all(Array.from({ length: 50 }, () => code(createClient(admin, twin))));
    // One succeeds; the others are refused (possible_duplicate, or "unavailable" when a loaded
    // machine's connection pool times out) — never a second chart.
    expect(results.filter((r) => r === "ok")).toHaveLength(1);
    expect(results.filter((r) => r === "possible_duplicate").length).toBeGreaterThan(0);
    const db = await getDb();
    const rows = await db.select({ id: s.clients.id }).from(s.clients).where(eq(s.clients.email, "robin.race@example.test"));
    expect(rows).toHaveLength(1);
  });
});
