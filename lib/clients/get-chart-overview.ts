import "server-only";
import { and, eq, inArray, max } from "drizzle-orm";
import { getDb } from "@/db/client";
import { portalAccountProfiles, portalSessions } from "@/db/schema";
import type { StaffActor } from "@/lib/access/actor";
import { can } from "@/lib/access/can";
import { assertCanClient } from "@/lib/access/clients-assert";
import { kindsFor } from "@/lib/access/documents";
import { listClientDocuments, type DocumentListItem } from "@/lib/documents/list-documents";
import { getPortalTab, type PortalTab } from "./get-portal-tab";
import { listClientSessions, type ChartSession } from "./list-client-sessions";

const RECENT = 5;

export interface ChartOverview {
  /** null when the actor's role has no Sessions area. */
  sessions: { open: ChartSession[]; recent: ChartSession[]; total: number } | null;
  documents: { latest: DocumentListItem[]; total: number };
  forms: { toComplete: PortalTab["requests"]; submitted: PortalTab["requests"] };
  portal: { name: string; email: string; status: PortalTab["invitations"][number]["status"]; canManage: boolean; lastSignInAt: Date | null }[];
  contacts: PortalTab["contacts"];
  /** The "what to do next" actions of empty panels the actor may take. */
  can: { newSession: boolean; newDocument: boolean };
}

/**
 * The chart's Overview: a summary of every tab, each part limited to what the actor could open
 * there (sessions through the sessions policy, documents by their kind's area). The caller has
 * opened (and audited) the chart; this asks the policy again, as every domain function does.
 */
export async function getChartOverview(actor: StaffActor, clientId: string): Promise<ChartOverview> {
  await assertCanClient(actor, "client:view", clientId);
  const [sessions, docs, portalTab] = await Promise.all([
    can(actor, "sessions:view") ? listClientSessions(actor, clientId) : Promise.resolve(null),
    listClientDocuments(actor, clientId),
    getPortalTab(actor, clientId),
  ]);
  const db = await getDb();
  const latest = docs.items.slice(0, RECENT);
  const accountIds = portalTab.invitations.map((i) => i.portalAccountId);
  const signIns = accountIds.length
    ? await db
        .select({ accountId: portalSessions.portalAccountId, last: max(portalSessions.createdAt) })
        .from(portalSessions)
        .innerJoin(portalAccountProfiles, and(eq(portalAccountProfiles.portalAccountId, portalSessions.portalAccountId), eq(portalAccountProfiles.clientId, clientId)))
        .where(inArray(portalSessions.portalAccountId, accountIds))
        .groupBy(portalSessions.portalAccountId)
    : [];
  const lastSignIn = new Map(signIns.map((s) => [s.accountId, s.last]));
  return {
    sessions: sessions && {
      open: sessions.filter((s) => s.status !== "completed").slice(0, RECENT),
      recent: sessions.slice(0, RECENT),
      total: sessions.length,
    },
    documents: {
      // The documents list is paged by cursor (no count): "total" is what the first page holds.
      total: docs.items.length,
      // Each document carries its external shares (the documents list loads them).
      latest,
    },
    forms: {
      toComplete: portalTab.requests.filter((r) => r.status !== "submitted"),
      submitted: portalTab.requests.filter((r) => r.status === "submitted").slice(0, RECENT),
    },
    portal: portalTab.invitations.map((i) => ({ name: i.name, email: i.email, status: i.status, canManage: i.canManage, lastSignInAt: lastSignIn.get(i.portalAccountId) ?? null })),
    contacts: portalTab.contacts,
    can: { newSession: can(actor, "sessions:edit"), newDocument: kindsFor(actor, "edit").length > 0 },
  };
}
