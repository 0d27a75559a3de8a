import { inspect } from "node:util";
import { eq, sql } from "drizzle-orm";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { getDb } from "@/db/client";
import * as s from "@/db/schema";
import type { StaffActor } from "@/lib/access/actor";
import { acceptPortalInvitation } from "@/lib/client-portal/accept-portal-invitation";
import { createClient as createClientProfile } from "@/lib/clients/create-client";
import { inviteToPortal } from "@/lib/clients/invite-to-portal";
import { shareDocument } from "@/lib/documents/share-document";
import { toActionError } from "@/lib/errors";
import { errorForLog } from "@/lib/log/safe-error";
import { acceptInvitation } from "@/lib/organisations/accept-invitation";
import { isUniqueViolation } from "@/lib/organisations/guard";
import { inviteMember } from "@/lib/organisations/invite-member";
import { mayViewOutbox } from "@/lib/outbox/outbox-viewer-access";
import { openShareLink } from "@/lib/portal/open-link";
import { sendShareCode } from "@/lib/portal/send-code";
import { readShareCookie } from "@/lib/portal/share-cookie";
import { verifyShareCode } from "@/lib/portal/verify-code";
import { resetRateLimits } from "@/lib/rate-limit";
import { createClient, createContact, createDocument, createMember, createOrganisation, setSharing } from "../support/factories";
import { latestMessageTo, tokenFromLink } from "../support/outbox";

// Opening the database (and, on PGlite, migrating it) is paid here, under the hook timeout.
beforeAll(() => getDb());

afterEach(() => {
  vi.unstubAllEnvs();
  vi.restoreAllMocks();
});

/** Everything written to the console and to stdout/stderr while `run` runs. */
async function captureOutput(run: () => Promise<void>): Promise<string> {
  const chunks: string[] = [];
  const keep = (...args: unknown[]) => void chunks.push(args.map((a) => (typeof a === "string" ? a : inspect(a, { depth: 10, showHidden: true }))).join(" "));
  for (const method of ["error", "warn", "log", "info", "debug"] as const) vi.spyOn(console, method).mockImplementation(keep);
  vi.spyOn(process.stderr, "write").mockImplementation((chunk: string | Uint8Array) => chunks.push(String(chunk)) > 0);
  vi.spyOn(process.stdout, "write").mockImplementation((chunk: string | Uint8Array) => chunks.push(String(chunk)) > 0);
  try {
    await run();
  } finally {
    vi.restoreAllMocks();
  }
  return chunks.join("\n");
}

describe("a failed query never logs its bound values", () => {
  const SECRET = "Patient disclosed SECRET-NOTE-7f3a9 in session";

  it("a bad value: the thrown error carries the Postgres code, not the value, and logging it shows no value", async () => {
    const db = await getDb();
    let thrown: unknown;
    const output = await captureOutput(async () => {
      try {
        await db.execute(sql`select ${SECRET}::int as n`);
      } catch (e) {
        thrown = e;
        // What Next's error logging and our own handlers do with an unexpected error.
        console.error(e);
        console.error("Unexpected error", errorForLog(e));
        toActionError(e);
      }
    });
    expect(thrown).toMatchObject({ code: "22P02" });
    expect(output).toContain("22P02");
    expect(output).not.toContain("SECRET-NOTE-7f3a9");
    expect(inspect(thrown, { depth: 20, showHidden: true })).not.toContain("SECRET-NOTE-7f3a9");
    expect(JSON.stringify(thrown)).not.toContain("SECRET-NOTE-7f3a9");
  });

  it("a NUL byte in notes inside a transaction, and a unique violation: code and table or constraint only", async () => {
    const org = await createOrganisation();
    const maya = await createMember(org, { email: "secret-person-41@clinic.test" });
    const db = await getDb();
    let nul: unknown;
    let duplicate: unknown;
    const output = await captureOutput(async () => {
      await db
        .transaction(async (tx) => {
          await tx.update(s.users).set({ name: `${SECRET}\u0000` }).where(eq(s.users.id, maya.userId));
        })
        .catch((e) => {
          nul = e;
          console.error(e);
        });
      await db
        .insert(s.users)
        .values({ email: "secret-person-41@clinic.test", name: SECRET, passwordHash: "x" })
        .catch((e) => {
          duplicate = e;
          console.error(e);
          toActionError(e);
        });
    });
    expect(nul).toMatchObject({ code: "22021" });
    expect(duplicate).toMatchObject({ code: "23505", table: "users" });
    expect(isUniqueViolation(duplicate)).toBe(true);
    for (const text of [output, inspect(nul, { depth: 20, showHidden: true }), inspect(duplicate, { depth: 20, showHidden: true })]) {
      expect(text).not.toContain("SECRET-NOTE-7f3a9");
      expect(text).not.toContain("secret-person-41");
    }
  });
});

describe("opening a share is not recorded when the request then fails", () => {
  let sam: StaffActor;
  let documentId: string;
  let orgId: string;
  const req = { ip: "203.0.113.77", userAgent: "test" };

  beforeAll(async () => {
    const org = await createOrganisation("Open Clinic");
    orgId = org.id;
    sam = await createMember(org, { role: "medical_secretary" });
    const client = await createClient(org.id);
    documentId = (await createDocument(org.id, { clientId: client.id, authorId: sam.userId, kind: "letter" })).id;
  });

  async function firstOpenedAt(shareId: string) {
    const db = await getDb();
    const [row] = await db.select({ firstOpenedAt: s.documentShares.firstOpenedAt, codeUsed: s.documentShares.codeUsed }).from(s.documentShares).where(eq(s.documentShares.id, shareId));
    return row!;
  }

  /** Production with no key to sign the share cookie: the cookie step fails. */
  function withoutCookieKey() {
    vi.stubEnv("NODE_ENV", "production");
    vi.stubEnv("AUTH_SECRET", "");
    vi.stubEnv("SHARE_COOKIE_SECRET", "");
  }

  it("link only: View document fails before anything is written, then succeeds with a signed cookie", async () => {
    resetRateLimits();
    await setSharing(orgId, { sharingEnabled: true, securityLevel: "link" });
    const contact = await createContact(orgId);
    const { shareId } = await shareDocument(sam, { documentId, contactId: contact.id, purpose: "continuing_care" });
    const token = tokenFromLink((await latestMessageTo(contact.email!, "document-shared"))!.link);

    withoutCookieKey();
    await expect(openShareLink(token, req)).rejects.toThrow();
    vi.unstubAllEnvs();
    expect((await firstOpenedAt(shareId)).firstOpenedAt).toBeNull();

    const opened = await openShareLink(token, req);
    expect(opened).toMatchObject({ ok: true, shareId });
    if (!opened.ok) throw new Error("not opened");
    expect(readShareCookie(opened.cookie, shareId, new Date())).toEqual({ linkVersion: opened.linkVersion });
    expect((await firstOpenedAt(shareId)).firstOpenedAt).not.toBeNull();
  });

  it("link and code: a correct code whose cookie cannot be made leaves the share unopened and the code unused", async () => {
    resetRateLimits();
    await setSharing(orgId, { sharingEnabled: true, securityLevel: "link_and_sms" });
    vi.stubEnv("SHARE_CODE_SECRET", "integration-code-key-0123456789abcdef");
    const contact = await createContact(orgId, { mobile: "+44 7700 900456" });
    const { shareId } = await shareDocument(sam, { documentId, contactId: contact.id, purpose: "continuing_care" });
    const token = tokenFromLink((await latestMessageTo(contact.email!, "document-shared"))!.link);
    expect(await sendShareCode(token, req)).toMatchObject({ ok: true });
    const code = /\b(\d{6})\b/.exec((await latestMessageTo("+447700900456", "security-code"))!.text)![1]!;

    withoutCookieKey();
    await expect(verifyShareCode(token, code, req)).rejects.toThrow();
    vi.stubEnv("NODE_ENV", "test");
    vi.stubEnv("AUTH_SECRET", "integration-root-secret-0123456789");
    expect(await firstOpenedAt(shareId)).toEqual({ firstOpenedAt: null, codeUsed: false });

    // The same code still works once the server can sign the cookie.
    expect(await verifyShareCode(token, code, req)).toMatchObject({ ok: true, shareId });
    expect((await firstOpenedAt(shareId)).firstOpenedAt).not.toBeNull();
  });
});

describe("/dev/outbox guard", () => {
  it("shows the outbox to a signed-in admin only; in production only with OUTBOX_VIEWER=1; never to an anonymous request", async () => {
    const org = await createOrganisation();
    const admin = await createMember(org, { role: "admin" });
    const clinician = await createMember(org, { role: "clinician" });
    const secretary = await createMember(org, { role: "medical_secretary" });
    const dev = { NODE_ENV: "development" };
    const prodOn = { NODE_ENV: "production", OUTBOX_VIEWER: "1" };
    const prodOff = { NODE_ENV: "production" };
    expect(mayViewOutbox(dev, admin)).toBe(true);
    expect(mayViewOutbox(prodOn, admin)).toBe(true);
    expect(mayViewOutbox(prodOff, admin)).toBe(false);
    for (const env of [dev, prodOn, prodOff]) {
      expect(mayViewOutbox(env, null)).toBe(false);
      expect(mayViewOutbox(env, clinician)).toBe(false);
      expect(mayViewOutbox(env, secretary)).toBe(false);
    }
  });
});

describe("setting a password from an invitation", () => {
  it("staff: password12 and a password built from the invitee's name are refused next to the field; the invitation stays usable", async () => {
    const org = await createOrganisation();
    const admin = await createMember(org, { role: "admin" });
    await inviteMember(admin, { name: "Rosa Diaz", email: "rosa.diaz@clinic.test", roleId: org.roles.clinician, teamIds: [] });
    const token = tokenFromLink((await latestMessageTo("rosa.diaz@clinic.test", "member-invitation"))!.link);
    await expect(acceptInvitation({ token, password: "password12" })).rejects.toMatchObject({ code: "password_too_common", details: { field: "password" } });
    await expect(acceptInvitation({ token, password: "rosadiaz1987" })).rejects.toMatchObject({ code: "password_personal", details: { field: "password" } });
    const db = await getDb();
    const [user] = await db.select({ passwordHash: s.users.passwordHash }).from(s.users).where(eq(s.users.email, "rosa.diaz@clinic.test"));
    expect(user!.passwordHash).toBeNull();
    expect(await acceptInvitation({ token, password: "tangerine kettle orbit" })).toEqual({ email: "rosa.diaz@clinic.test" });
  });

  it("client portal: password12 is refused, a long uncommon one is accepted", async () => {
    resetRateLimits();
    const org = await createOrganisation();
    const admin = await createMember(org, { role: "admin" });
    const { clientId } = await createClientProfile(admin, { firstName: "Jordan", lastName: "Quinn", dateOfBirth: null, email: "jordan.quinn@example.test", phone: null, practitionerId: null });
    await inviteToPortal(admin, { clientId, who: "profile", canManage: true });
    const token = tokenFromLink((await latestMessageTo("jordan.quinn@example.test", "portal-invitation"))!.link);
    await expect(acceptPortalInvitation({ token, password: "password12" })).rejects.toMatchObject({ code: "password_too_common" });
    await expect(acceptPortalInvitation({ token, password: "jordanquinn99" })).rejects.toMatchObject({ code: "password_personal" });
    expect(await acceptPortalInvitation({ token, password: "tangerine kettle orbit" })).toMatchObject({ email: "jordan.quinn@example.test" });
  });
});
