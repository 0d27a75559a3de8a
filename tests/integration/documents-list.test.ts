import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb, selectRows } from "@/db/client";
import type { StaffActor } from "@/lib/access/actor";
import { listClientDocuments, listDocuments, DOCUMENT_PAGE_SIZE } from "@/lib/documents/list-documents";
import { MANY_ASSIGNED_CHARTS } from "@/lib/documents/visible-documents";
import { createClient, createDocument, createMember, createOrganisation } from "../support/factories";

/** Every page of a list, following Next to the end, then Previous back to the start. */
async function walk(list: (cursor: { after?: string; before?: string }) => ReturnType<typeof listDocuments>) {
  const forward: string[][] = [];
  let page = await list({});
  forward.push(page.items.map((d) => d.id));
  expect(page.prevCursor).toBeNull();
  while (page.nextCursor) {
    page = await list({ after: page.nextCursor });
    forward.push(page.items.map((d) => d.id));
  }
  const backward: string[][] = [forward.at(-1)!];
  while (page.prevCursor) {
    page = await list({ before: page.prevCursor });
    backward.unshift(page.items.map((d) => d.id));
  }
  expect(backward).toEqual(forward);
  return forward.flat();
}

describe("the documents list, paged by cursor", () => {
  let admin: StaffActor;
  let clinician: StaffActor;
  let secretary: StaffActor;
  let clientA: string;
  const all: { id: string; clientId: string; kind: string }[] = [];

  beforeAll(async () => {
    const org = await createOrganisation();
    admin = await createMember(org, { role: "admin" });
    clinician = await createMember(org, { role: "clinician" });
    secretary = await createMember(org, { role: "medical_secretary" });
    clientA = (await createClient(org.id, { accessFor: [clinician.userId] })).id;
    const clientB = (await createClient(org.id)).id;
    const db = await getDb();
    const kinds = ["letter", "prescription", "lab_result", "invoice"] as const;
    for (let i = 0; i < 2 * DOCUMENT_PAGE_SIZE + 7; i++) {
      const clientId = i % 3 === 0 ? clientB : clientA;
      const kind = kinds[i % kinds.length]!;
      const { id } = await createDocument(org.id, { clientId, authorId: admin.userId, kind, title: `Doc ${i}` });
      // Several documents share one timestamp: the id breaks the tie, and no row is lost or repeated.
      await db.execute(sql`update documents set created_at = timestamptz '2026-01-01' + make_interval(mins => ${Math.floor(i / 3)}) where id = ${id}`);
      all.push({ id, clientId, kind });
    }
  });

  it("walks every visible document once, newest first, forward and back, for each role's rule", async () => {
    const seen = await walk((c) => listDocuments(admin, c));
    expect(new Set(seen).size).toBe(all.length);
    expect(seen.sort()).toEqual(all.map((d) => d.id).sort());

    // A clinician sees the charts on their access list only.
    const clinicianSees = all.filter((d) => d.clientId === clientA).map((d) => d.id);
    expect((await walk((c) => listDocuments(clinician, c))).sort()).toEqual(clinicianSees.sort());
    expect((await walk((c) => listDocuments(secretary, { kind: "letter", ...c }))).sort()).toEqual(all.filter((d) => d.kind === "letter").map((d) => d.id).sort());
    expect((await walk((c) => listClientDocuments(clinician, clientA, c))).sort()).toEqual(clinicianSees.sort());
  });

  it("gives the same answer with the plan for a long access list", async () => {
    const db = await getDb();
    const org = await createOrganisation();
    const member = await createMember(org, { role: "clinician" });
    const author = await createMember(org, { role: "admin" });
    // More charts on the access list than MANY_ASSIGNED_CHARTS, and one chart of the organisation off it.
    const charts = await selectRows<{ id: string }>(
      db,
      sql`insert into clients (organisation_id, first_name, last_name) select ${org.id}, 'Client', 'No ' || n from generate_series(1, ${MANY_ASSIGNED_CHARTS + 5}) n returning id`,
    );
    const offList = charts[0]!.id;
    // An archived chart stays on the access list but is hidden: each document's chart row is checked.
    const archived = charts[1]!.id;
    await db.execute(sql`insert into client_access (client_id, user_id) select c.id, ${member.userId} from clients c where c.organisation_id = ${org.id} and c.id <> ${offList}`);
    const expected: string[] = [];
    const docOf = new Map<string, string>();
    for (const [i, c] of charts.slice(0, 30).entries()) {
      const doc = await createDocument(org.id, { clientId: c.id, authorId: author.userId, kind: i % 2 ? "letter" : "lab_result", title: `Letter ${i}` });
      docOf.set(c.id, doc.id);
      if (c.id !== offList && c.id !== archived) expected.push(doc.id);
    }
    await db.execute(sql`update clients set archived_at = now() where id = ${archived}`);
    expect((await walk((c) => listDocuments(member, c))).sort()).toEqual(expected.sort());

    // The plan for a short access list applies the same rule.
    const few = await createMember(org, { role: "clinician" });
    await db.execute(sql`insert into client_access (client_id, user_id) values (${archived}, ${few.userId}), (${charts[2]!.id}, ${few.userId})`);
    expect((await walk((c) => listDocuments(few, c))).sort()).toEqual([docOf.get(charts[2]!.id)]);
  });

  it("starts at the top for a cursor it did not make", async () => {
    const first = await listDocuments(admin);
    expect((await listDocuments(admin, { after: "not-a-cursor" })).items.map((d) => d.id)).toEqual(first.items.map((d) => d.id));
  });
});
