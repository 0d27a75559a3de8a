import "server-only";
import { sql } from "drizzle-orm";
import { getDb, selectRows } from "@/db/client";
import type { StaffActor } from "@/lib/access/actor";
import { assertCanClient } from "@/lib/access/clients-assert";
import type { AuditAction } from "@/lib/audit/events";
import { isUuid } from "@/lib/validation/ids";
import { actionIn, chartEventsFilter } from "./chart-events";

export const CHART_HISTORY_PAGE_SIZE = 25;

/** What the chart's access history shows, in the clinic's words ("who viewed, printed, downloaded or shared what"). */
const HISTORY_LABELS = {
  "client.viewed": "Opened the chart",
  "document.viewed": "Viewed",
  "document.downloaded": "Downloaded",
  "document.shared": "Shared",
  "document.share_resent": "Sent a new link for",
  "document.share_revoked": "Revoked a share of",
  "portal.link_opened": "Opened the link to",
  "portal.document_viewed": "Viewed",
  "portal.document_printed": "Printed",
  "portal.document_downloaded": "Downloaded",
  "session.viewed": "Opened a session of this client",
  "session.shared": "Shared a session of this client",
  "session.share_removed": "Removed a share of a session of this client",
  "client.access_granted": "Gave chart access to",
  "client.access_removed": "Removed from the access list:",
  "client_portal.invited": "Invited to the portal:",
  "client_portal.invitation_accepted": "Accepted the portal invitation",
  "client_portal.access_revoked": "Revoked the portal login of",
  "intake.viewed": "Read an intake form",
  "client.disclosures_viewed": "Viewed the record of disclosures",
  "client.disclosures_downloaded": "Downloaded the record of disclosures",
} as const satisfies Partial<Record<AuditAction, string>>;
type HistoryAction = keyof typeof HISTORY_LABELS;
const HISTORY_ACTIONS = Object.keys(HISTORY_LABELS) as HistoryAction[];

export interface ChartHistoryItem {
  id: string;
  at: Date;
  who: { kind: "staff" | "contact" | "client" | "other"; name: string; roleName: string | null };
  /** "Downloaded", "Shared", … */
  did: string;
  /** The document, when the event is about one. */
  documentTitle: string | null;
  /** The other party: "with" the contact a document went to, or the colleague given or losing access. */
  other: string | null;
}

interface Cursor {
  at: string;
  id: string;
}
function encodeCursor(c: Cursor): string {
  return Buffer.from(`${c.at}|${c.id}`, "utf8").toString("base64url");
}
function decodeCursor(token: string | undefined): Cursor | null {
  if (!token || token.length > 200) return null;
  const [at, id] = Buffer.from(token, "base64url").toString("utf8").split("|");
  return at && id && isUuid(id) && !Number.isNaN(Date.parse(at)) ? { at, id } : null;
}

/**
 * The chart's access history, newest first, from the audit log, paged by keyset (created_at, id).
 * Only for someone who may open the chart (`not_found` otherwise).
 */
export async function listChartHistory(actor: StaffActor, input: { clientId: string; cursor?: string }): Promise<{ items: ChartHistoryItem[]; nextCursor: string | null }> {
  await assertCanClient(actor, "client:view", input.clientId);
  const after = decodeCursor(input.cursor);
  const db = await getDb();
  const rows = await selectRows<{
    id: string;
    created_at: Date | string;
    at_key: string;
    action: HistoryAction;
    actor_type: string;
    staff_name: string | null;
    role_name: string | null;
    contact_name: string | null;
    client_name: string | null;
    document_title: string | null;
    share_contact: string | null;
    other_user: string | null;
    portal_login: string | null;
  }>(
    db,
    sql`select e.id, e.created_at, to_char(e.created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as at_key, e.action, e.actor_type,
        u.name as staff_name, coalesce(e.actor_role, r.name) as role_name, c.name as contact_name, coalesce(pap.invited_name, pa.name) as client_name,
        coalesce(d.title, sd.title) as document_title, sc.name as share_contact, ou.name as other_user,
        coalesce(ip.invited_name, ipa.name) || ' (' || ipa.email || ')' as portal_login
      from audit_events e
      left join users u on e.actor_type = 'user' and u.id::text = e.actor_id
      left join memberships m on m.user_id = u.id and m.organisation_id = e.organisation_id
      left join roles r on r.id = m.role_id
      left join contacts c on e.actor_type = 'contact' and c.id::text = e.actor_id
      left join portal_accounts pa on e.actor_type = 'client' and pa.id::text = e.actor_id
      left join portal_account_profiles pap on pap.portal_account_id = pa.id and pap.client_id = ${input.clientId}
      left join documents d on e.target_type = 'document' and d.id::text = e.target_id
      left join document_shares ds on e.target_type = 'document_share' and ds.id::text = e.target_id
      left join documents sd on sd.id = ds.document_id
      left join contacts sc on sc.id = ds.contact_id
      left join users ou on ou.id::text = e.metadata->>'userId'
      left join portal_accounts ipa on ipa.id = case when e.action in ('client_portal.invited', 'client_portal.access_revoked') then (e.metadata->>'portalAccountId')::uuid end
      left join portal_account_profiles ip on ip.portal_account_id = ipa.id and ip.client_id = ${input.clientId}
      where ${chartEventsFilter(actor.organisationId, input.clientId)} and ${actionIn(HISTORY_ACTIONS)}
        ${after ? sql`and (e.created_at, e.id) < (${after.at}::timestamptz, ${after.id}::uuid)` : sql``}
      order by e.created_at desc, e.id desc
      limit ${CHART_HISTORY_PAGE_SIZE + 1}`,
  );
  const more = rows.length > CHART_HISTORY_PAGE_SIZE;
  const page = rows.slice(0, CHART_HISTORY_PAGE_SIZE);
  const items = page.map((r): ChartHistoryItem => {
    const who: ChartHistoryItem["who"] =
      r.actor_type === "user"
        ? { kind: "staff", name: r.staff_name ?? "A former member", roleName: r.role_name }
        : r.actor_type === "contact"
          ? { kind: "contact", name: r.contact_name ?? "An external contact", roleName: null }
          : r.actor_type === "client"
            ? { kind: "client", name: r.client_name ?? "The client", roleName: null }
            : { kind: "other", name: "Carebridge", roleName: null };
    const sharedOut = r.action === "document.shared" || r.action === "document.share_resent" || r.action === "document.share_revoked";
    return {
      id: r.id,
      at: new Date(r.created_at),
      who,
      did: HISTORY_LABELS[r.action],
      documentTitle: r.document_title,
      // The login a portal event is about, by the name this clinic invited it under and its email.
      other: sharedOut ? (r.share_contact ? `with ${r.share_contact}` : null) : (r.other_user ?? r.portal_login),
    };
  });
  const last = page.at(-1);
  return { items, nextCursor: more && last ? encodeCursor({ at: last.at_key, id: last.id }) : null };
}
