import { sql } from "drizzle-orm";
import type { PgTable } from "drizzle-orm/pg-core";
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import type { z } from "zod";
import { getDb } from "@/db/client";
import * as s from "@/db/schema";
import type { StaffActor } from "@/lib/access/actor";
import { DOCUMENT_KINDS } from "@/lib/access/documents";
import { signInInput } from "@/lib/auth/sign-in-input";
import { verifyStaffCredentials } from "@/lib/auth/verify-staff-credentials";
import { verifyClientCredentials } from "@/lib/client-portal/verify-client-credentials";
import { createClient } from "@/lib/clients/create-client";
import { createClientInput } from "@/lib/clients/schemas";
import { saveDocument } from "@/lib/documents/save-document";
import { documentInput, shareDocumentInput } from "@/lib/documents/schemas";
import { shareDocument } from "@/lib/documents/share-document";
import { SHARE_PURPOSES } from "@/lib/documents/share-purpose";
import { AppError } from "@/lib/errors";
import { shareToken, typedCode } from "@/lib/portal/form-input";
import { verifyShareCode } from "@/lib/portal/verify-code";
import { shareSessionInput } from "@/lib/sessions/schemas";
import { createSession } from "@/lib/sessions/create-session";
import { shareSession } from "@/lib/sessions/share-session";
import * as f from "../support/factories";
import { latestMessageTo, tokenFromLink } from "../support/outbox";

/**
 * Property-based fuzzing at the boundary every server action has: its zod schema, then its one
 * domain function. Whatever arrives (any unicode, lone surrogates, NUL and other control
 * characters, ids of dashes, SQL, huge strings), the answer is a validation refusal, an AppError
 * or a result — never an unexpected error (a 500) — and a refusal writes nothing.
 */
// 1,000 runs per action (on PostgreSQL: the embedded-database pass leaves this file out).
const RUNS = 1000;

const NASTY = [
  "\u0000",
  "a\u0000b",
  "\u0007",
  "\u001b[31m",
  "\u007f",
  "\u0085",
  "\ud800",
  "\udfff",
  "x\ud83d",
  "\u202e",
  "\r\n",
  "\t",
  "%00",
  "%E0%A4%A",
  "'; drop table clients; --",
  "\\",
  "😀👩‍⚕️",
  "ﷺ",
  "a".repeat(300),
  "-".repeat(36),
  "00000000-0000-0000-0000-000000000000",
  "zzzzzzzz-zzzz-zzzz-zzzz-zzzzzzzzzzzz",
  " ",
  "",
];
const WORDS = ["Dr Shah", "Referral", "Jordan", "12", "2026-12-01", "1990-02-30", "Ibuprofen", "+44 7700 900123", "gp@northside.test", "view", "edit", "full"];

const anyText = fc.oneof(
  fc.string({ unit: "binary", maxLength: 40 }),
  fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)), maxLength: 30 }),
  fc.constantFrom(...NASTY),
  fc.constantFrom(...WORDS),
  fc.tuple(fc.constantFrom(...WORDS), fc.constantFrom(...NASTY)).map(([a, b]) => a + b),
);
/** Real ids (so the domain runs), random UUIDs, id-shaped junk and anything at all. */
const anyId = (...real: string[]) => fc.oneof(fc.constantFrom(...real), fc.uuid(), fc.stringMatching(/^[0-9a-f-]{36}$/), anyText);

/** Row counts of the watched tables, in one round trip. */
async function countRows(tables: PgTable[]): Promise<number[]> {
  const db = await getDb();
  const [row] = await db
    .select(Object.fromEntries(tables.map((t, i) => [`n${i}`, sql<number>`(select count(*)::int from ${t})`])))
    .from(sql`(select 1) as one`);
  return tables.map((_, i) => (row as Record<string, number>)[`n${i}`]!);
}

/** Runs one parsed call: a result or an AppError is an answer; anything else fails the property. */
async function answer(run: () => Promise<unknown>): Promise<"done" | "refused"> {
  try {
    await run();
    return "done";
  } catch (e) {
    if (e instanceof AppError) return "refused";
    throw e;
  }
}

/** parse → domain; on any refusal, the watched tables hold exactly the rows they held before. */
async function check<S extends z.ZodType>(schema: S, raw: unknown, run: (input: z.output<S>) => Promise<unknown>, watched: PgTable[]) {
  const parsed = schema.safeParse(raw);
  if (!parsed.success) return;
  const before = await countRows(watched);
  if ((await answer(() => run(parsed.data))) === "refused") expect(await countRows(watched)).toEqual(before);
}

let org: Awaited<ReturnType<typeof f.createOrganisation>>;
let admin: StaffActor;
let maya: StaffActor;
let leo: StaffActor;
let clientId: string;
let documentId: string;
let contactId: string;
let noEmailContactId: string;

beforeAll(async () => {
  org = await f.createOrganisation();
  await f.setSharing(org.id, { sharingEnabled: true, securityLevel: "link_and_sms" });
  admin = await f.createMember(org, { role: "admin" });
  maya = await f.createMember(org, { role: "clinician" });
  leo = await f.createMember(org, { role: "clinician" });
  clientId = (await f.createClient(org.id, { accessFor: [maya.userId] })).id;
  documentId = (await f.createDocument(org.id, { clientId, authorId: admin.userId })).id;
  contactId = (await f.createContact(org.id)).id;
  noEmailContactId = (await f.createContact(org.id, { email: null })).id;
}, 120_000);

// 1,000 runs of a domain call each: on a busy machine (npm test runs suites side by side) that can take
// minutes, which says nothing about the code; the default per-test minute is for single requests.
describe(`fuzzing the main actions (${RUNS} runs each): only refusals or results, and refusals write nothing`, { timeout: 300_000 }, () => {
  it("share session", async () => {
    const { sessionId } = await createSession(maya, { title: "Fuzzed", clientId, teamId: null, visibility: "private" });
    await fc.assert(
      fc.asyncProperty(
        fc.record({ sessionId: anyId(sessionId), userId: anyId(leo.userId, maya.userId, admin.userId), access: fc.oneof(fc.constantFrom("view", "edit", "full"), anyText), message: fc.option(anyText, { nil: undefined }) }),
        (raw) => check(shareSessionInput, raw, (input) => shareSession(maya, input), [s.sessionShares, s.outbox, s.notifications]),
      ),
      { numRuns: RUNS },
    );
  });

  it("share document", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.record({
          documentId: anyId(documentId),
          contactId: anyId(contactId, noEmailContactId),
          // Several documents in one share: real, duplicated, unknown and junk ids.
          moreDocumentIds: fc.option(fc.array(anyId(documentId), { maxLength: 3 }), { nil: undefined }),
          purpose: fc.oneof(fc.constantFrom(...SHARE_PURPOSES), anyText),
          purposeNote: fc.option(anyText, { nil: undefined }),
          idempotencyKey: fc.option(fc.oneof(fc.uuid(), anyText), { nil: undefined }) }),
        (raw) => check(shareDocumentInput, raw, (input) => shareDocument(admin, input), [s.documentShares, s.shareDocuments, s.outbox]),
      ),
      { numRuns: RUNS },
    );
  });

  it("create client", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.record({
          firstName: anyText,
          lastName: anyText,
          dateOfBirth: fc.option(anyText, { nil: undefined }),
          email: fc.option(anyText, { nil: undefined }),
          phone: fc.option(anyText, { nil: undefined }),
          practitionerId: fc.option(anyId(maya.userId, admin.userId), { nil: undefined }),
        }),
        (raw) => check(createClientInput, raw, (input) => createClient(admin, input), [s.clients, s.clientAccess, s.outbox]),
      ),
      { numRuns: RUNS },
    );
  });

  it("save document", async () => {
    const row = <T>(arb: fc.Arbitrary<T>) => fc.array(arb, { maxLength: 2 });
    const content = fc.record(
      {
        recipient: anyText,
        subject: anyText,
        body: anyText,
        prescriber: anyText,
        test: anyText,
        number: anyText,
        dueDate: anyText,
        taxRate: anyText,
        lines: row(fc.record({ drug: anyText, dose: anyText, frequency: anyText, quantity: anyText })),
        values: row(fc.record({ name: anyText, value: anyText, unit: anyText, low: anyText, high: anyText })),
        items: row(fc.record({ description: anyText, quantity: anyText, unitPrice: anyText })),
      },
      { requiredKeys: [] },
    );
    await fc.assert(
      fc.asyncProperty(
        fc.record({
          kind: fc.oneof(fc.constantFrom(...DOCUMENT_KINDS), anyText),
          documentId: fc.option(anyId(documentId), { nil: undefined }),
          clientId: anyId(clientId),
          title: anyText,
          content,
          filename: fc.option(anyText, { nil: undefined }),
        }),
        (raw) =>
          check(
            documentInput,
            raw,
            (input) => {
              const typed = input as unknown as Parameters<typeof saveDocument>[1];
              return saveDocument(admin, { ...typed, title: typed.title || "Untitled", file: null });
            },
            [s.documents, s.documentFiles],
          ),
      ),
      { numRuns: RUNS },
    );
  });

  it("verify code (public)", async () => {
    const contact = await f.createContact(org.id);
    await shareDocument(admin, { documentId, contactId: contact.id, purpose: "continuing_care" });
    const token = tokenFromLink((await latestMessageTo(contact.email!, "document-shared"))?.link);
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.constant(token), fc.stringMatching(/^[A-Za-z0-9_-]{20,100}$/), anyText), fc.oneof(fc.stringMatching(/^\d{6}$/), anyText), async (rawToken, rawCode) => {
        const t = shareToken.safeParse(rawToken);
        const code = typedCode(rawCode);
        if (!t.success || !code) return;
        const before = await countRows([s.documentShares]);
        const result = await verifyShareCode(t.data, code, { ip: "198.51.100.9", userAgent: "fuzz" });
        expect(result.ok).toBe(false);
        expect(await countRows([s.documentShares])).toEqual(before);
      }),
      { numRuns: RUNS },
    );
  });

  it("sign-in credentials check (staff and client portal, public)", async () => {
    // One address: its limiter soon answers "too many attempts" before any password hash is
    // checked, which keeps 1,000 runs quick; the first ones go all the way to the database.
    const email = fc.oneof(fc.constant(maya.email), anyText, fc.tuple(anyText, fc.constantFrom("@clinic.test", "@example.test")).map(([a, b]) => a + b));
    await fc.assert(
      fc.asyncProperty(fc.record({ email, password: anyText }), async (raw) => {
        const parsed = signInInput.safeParse(raw);
        if (!parsed.success || !parsed.data.email || !parsed.data.password) return;
        const client = { ip: "192.0.2.1", userAgent: "fuzz" };
        const staff = await verifyStaffCredentials({ email: parsed.data.email, password: parsed.data.password, client });
        const portal = await verifyClientCredentials({ email: parsed.data.email, password: parsed.data.password, client });
        expect(staff.ok).toBe(false);
        expect(portal.ok).toBe(false);
      }),
      { numRuns: RUNS },
    );
  });
});

describe("the free-text schemas", () => {
  it("refuse control characters with a field message, and accept tab and line breaks", () => {
    const ok = shareSessionInput.safeParse({ sessionId: documentId, userIds: [leo.userId], access: "view", message: "Line one\r\n\tLine two" });
    expect(ok.success).toBe(true);
    const nul = createClientInput.safeParse({ firstName: "Jo\u0000", lastName: "Lee" });
    expect(nul.success).toBe(false);
    expect(nul.error!.issues.find((i) => i.path[0] === "firstName")?.message).toMatch(/control characters/);
  });
});
