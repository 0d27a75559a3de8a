import { and, eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import * as s from "@/db/schema";
import type { StaffActor } from "@/lib/access/actor";
import { readAuditFilters, type AuditFilters } from "@/lib/audit/audit-filters";
import { exportAuditEvents } from "@/lib/audit/export-audit-events";
import { listAuditEvents } from "@/lib/audit/list-audit-events";
import { loadStaffActor } from "@/lib/auth/load-staff-actor";
import { saveRole } from "@/lib/organisations/save-role";
import { BUILT_IN_ROLES } from "@/lib/access/permissions";
import { createClient, createContact, createMember, createOrganisation } from "../support/factories";

type Org = Awaited<ReturnType<typeof createOrganisation>>;

async function csvOf(actor: StaffActor, filters: AuditFilters = {}): Promise<string> {
  const { stream } = await exportAuditEvents(actor, filters);
  return new Response(stream).text();
}

async function event(input: { org: string; at: string; actor: { type: "user" | "contact" | "client"; id: string }; action: string; target?: { type: string; id: string }; clientId?: string; userAgent?: string }) {
  const db = await getDb();
  await db.insert(s.auditEvents).values({
    organisationId: input.org,
    actorType: input.actor.type,
    actorId: input.actor.id,
    action: input.action,
    targetType: input.target?.type ?? null,
    targetId: input.target?.id ?? null,
    clientId: input.clientId ?? null,
    userAgent: input.userAgent ?? "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36",
    ip: "203.0.113.9",
    createdAt: new Date(input.at),
  });
}

describe("Settings → Audit log: filters, people, records, and who may read it", () => {
  let org: Org;
  let admin: StaffActor;
  let maya: StaffActor;
  let nina: StaffActor;
  let letterId: string;
  let lena: { id: string };
  let omar: { id: string };
  let gp: { id: string };

  beforeAll(async () => {
    org = await createOrganisation();
    admin = await createMember(org, { role: "admin", name: "Ada Admin" });
    maya = await createMember(org, { role: "clinician", name: "Maya Clinician" });
    nina = await createMember(org, { role: "medical_secretary", name: "Nina Secretary" });
    lena = await createClient(org.id, { firstName: "Lena", lastName: "Okafor" });
    omar = await createClient(org.id, { firstName: "Omar", lastName: "Haddad" });
    gp = await createContact(org.id, { name: "=HYPERLINK(\"http://evil.test\",\"Dr Evil\")" });
    const db = await getDb();
    const [doc] = await db
      .insert(s.documents)
      .values({ organisationId: org.id, clientId: lena.id, authorId: maya.userId, kind: "letter", title: "Referral", content: { recipient: "Dr", subject: "S", body: "B" } })
      .returning({ id: s.documents.id });
    letterId = doc!.id;
    const u = (a: StaffActor) => ({ type: "user" as const, id: a.userId });
    // London is on summer time in July: 23:30 UTC on 30 June is 00:30 on 1 July there.
    await event({ org: org.id, at: "2026-06-30T23:30:00Z", actor: u(maya), action: "document.viewed", target: { type: "document", id: letterId }, clientId: lena.id });
    await event({ org: org.id, at: "2026-06-30T22:30:00Z", actor: u(nina), action: "document.viewed", target: { type: "document", id: letterId }, clientId: lena.id });
    await event({ org: org.id, at: "2026-07-02T09:00:00Z", actor: u(nina), action: "document.downloaded", target: { type: "document", id: letterId }, clientId: lena.id });
    await event({ org: org.id, at: "2026-07-02T10:00:00Z", actor: u(maya), action: "client.viewed", target: { type: "client", id: omar.id }, clientId: omar.id });
    await event({ org: org.id, at: "2026-07-03T10:00:00Z", actor: { type: "contact", id: gp.id }, action: "portal.document_downloaded", target: { type: "document_share", id: letterId }, clientId: lena.id });
    await event({ org: org.id, at: "2026-07-03T11:00:00Z", actor: u(admin), action: "auth.signed_in" });
    await event({ org: org.id, at: "2026-07-03T12:00:00Z", actor: u(admin), action: "sharing.settings_changed", target: { type: "organisation", id: org.id } });
    // Another organisation's events never show.
    const other = await createOrganisation();
    const stranger = await createMember(other, { role: "admin" });
    await event({ org: other.id, at: "2026-07-02T09:00:00Z", actor: u(stranger), action: "document.viewed", clientId: lena.id });
  });

  const list = (actor: StaffActor, filters: AuditFilters) => listAuditEvents(actor, { filters }).then((r) => r.entries);
  const july = { from: "2026-07-01", to: "2026-07-31" };

  it("shows who, with their role, what, which record (linked while it exists), the client, and from where", async () => {
    const [entry] = await list(admin, { ...july, group: "views", record: "document", person: `user:${maya.userId}` });
    expect(entry).toMatchObject({
      actor: { type: "user", name: "Maya Clinician", role: null },
      sentence: "Opened a document",
      record: { type: "document", label: "Document", href: `/documents/${letterId}` },
      client: { id: lena.id, name: "Lena Okafor", href: `/clients/${lena.id}` },
      ip: "203.0.113.9",
      device: "Chrome on macOS",
    });
    // A deleted document is still named, but no longer linked.
    const db = await getDb();
    await db.update(s.documents).set({ deletedAt: new Date() }).where(eq(s.documents.id, letterId));
    const [after] = await list(admin, { ...july, group: "views", record: "document", person: `user:${maya.userId}` });
    expect(after!.record).toMatchObject({ label: "Document", href: null });
    await db.update(s.documents).set({ deletedAt: null }).where(eq(s.documents.id, letterId));
  });

  it("filters by date range in the organisation's time zone", async () => {
    const actions = (await list(admin, july)).map((e) => `${e.action}@${e.at.toISOString()}`);
    // 30 June 23:30 UTC is 1 July in London; 22:30 UTC is still 30 June there.
    expect(actions).toContain("document.viewed@2026-06-30T23:30:00.000Z");
    expect(actions).not.toContain("document.viewed@2026-06-30T22:30:00.000Z");
    expect(await list(admin, { from: "2026-07-03", to: "2026-07-03" })).toHaveLength(3);
  });

  it("filters by person, client (id or name), record type and action group", async () => {
    const ids = async (f: AuditFilters) => (await list(admin, f)).map((e) => e.action).sort();
    expect(await ids({ person: `user:${nina.userId}` })).toEqual(["document.downloaded", "document.viewed"]);
    expect(await ids({ person: `contact:${gp.id}` })).toEqual(["portal.document_downloaded"]);
    expect(await ids({ client: lena.id, ...july })).toEqual(["document.downloaded", "document.viewed", "portal.document_downloaded"]);
    expect(await ids({ client: "okafor", ...july })).toEqual(["document.downloaded", "document.viewed", "portal.document_downloaded"]);
    expect(await ids({ client: "Omar Haddad" })).toEqual(["client.viewed"]);
    expect(await ids({ client: "nobody by that name" })).toEqual([]);
    expect(await ids({ record: "client" })).toEqual(["client.viewed"]);
    expect(await ids({ group: "downloads" })).toEqual(["document.downloaded", "portal.document_downloaded"]);
    expect(await ids({ group: "sign_ins" })).toEqual(["auth.signed_in"]);
    expect(await ids({ group: "settings" })).toEqual(["sharing.settings_changed"]);
    // Unreadable filters from an edited URL are dropped, not obeyed.
    expect(readAuditFilters({ person: "user:'; drop table", group: "everything", from: "yesterday", client: "Lena" })).toEqual({ client: "Lena" });
  });

  it("pages by cursor, newest first, without repeating or skipping an event", async () => {
    const db = await getDb();
    const busy = await createOrganisation();
    const boss = await createMember(busy, { role: "admin" });
    // 120 events, several sharing the same instant: the id breaks the tie.
    await db.execute(sql`insert into audit_events (organisation_id, actor_type, actor_id, action, created_at)
      select ${busy.id}::uuid, 'user', ${boss.userId}, 'client.viewed', timestamptz '2026-05-01 12:00:00+00' + ((g / 3) || ' minutes')::interval
      from generate_series(1, 120) g`);
    const seen: string[] = [];
    let page = await listAuditEvents(boss, { filters: {} });
    seen.push(...page.entries.map((e) => e.id));
    expect(page.prevCursor).toBeNull();
    while (page.nextCursor) {
      page = await listAuditEvents(boss, { filters: {}, after: page.nextCursor });
      seen.push(...page.entries.map((e) => e.id));
    }
    expect(seen).toHaveLength(120);
    expect(new Set(seen).size).toBe(120);
    // And back again from the last page.
    const back = await listAuditEvents(boss, { filters: {}, before: page.prevCursor! });
    expect(back.entries.map((e) => e.id)).toEqual(seen.slice(50, 100));
  });

  it("is refused to a role without the permission, and an admin of another organisation sees none of it", async () => {
    await expect(listAuditEvents(maya, { filters: {} })).rejects.toMatchObject({ code: "forbidden" });
    await expect(exportAuditEvents(nina, {})).rejects.toMatchObject({ code: "forbidden" });
    const other = await createOrganisation();
    const otherAdmin = await createMember(other, { role: "admin" });
    expect(await list(otherAdmin, { client: lena.id })).toEqual([]);
    expect((await csvOf(otherAdmin, { client: lena.id })).trim().split("\r\n")).toHaveLength(1);
    // A person filter naming this organisation's member finds nothing there either.
    expect(await list(otherAdmin, { person: `user:${maya.userId}` })).toEqual([]);
  });

  it("follows the role editor's Audit log permission, also for a role without settings", async () => {
    const { roleId } = await saveRole(admin, {
      name: "Compliance officer",
      permissions: { ...BUILT_IN_ROLES.clinician.permissions, settings: "none", auditLog: true },
    });
    const officer = await createMember(org, { roleId });
    expect(officer.role.permissions.auditLog).toBe(true);
    expect((await list(officer, july)).length).toBeGreaterThan(0);
    await saveRole(admin, { roleId, name: "Compliance officer", permissions: { ...BUILT_IN_ROLES.clinician.permissions, settings: "none", auditLog: false } });
    const demoted = (await loadStaffActor(officer.userId, org.id))!;
    await expect(listAuditEvents(demoted, { filters: {} })).rejects.toMatchObject({ code: "forbidden" });
  });

  it("exports the filtered result as CSV, safe to open in a spreadsheet, and audits the export", async () => {
    const csv = await csvOf(admin, { client: lena.id, ...july });
    const lines = csv.trim().split("\r\n");
    expect(lines[0]).toBe("When (Europe/London),Who,Kind of person,Role at the time,What,Action,Record,Record id,Client,Client id,IP address,Device,User agent,Event id");
    expect(lines).toHaveLength(1 + 3);
    expect(lines.some((l) => l.startsWith("2026-07-01 00:30:00,Maya Clinician,user,,Opened a document,document.viewed,Document,"))).toBe(true);
    // The contact's name starts with "=": written as text, never as a formula.
    expect(lines.find((l) => l.includes("portal.document_downloaded"))).toContain(`"'=HYPERLINK(""http://evil.test"",""Dr Evil"")"`);
    const db = await getDb();
    const exports = await db
      .select()
      .from(s.auditEvents)
      .where(and(eq(s.auditEvents.organisationId, org.id), eq(s.auditEvents.action, "audit.exported"), eq(s.auditEvents.actorId, admin.userId)));
    expect(exports.at(-1)).toMatchObject({ clientId: lena.id, actorRole: "Admin", metadata: { filters: { client: lena.id, from: "2026-07-01", to: "2026-07-31" } } });
  });
});
