import "server-only";
import { eq, sql } from "drizzle-orm";
import { getDb, selectRows, type Executor } from "@/db/client";
import { documentShares } from "@/db/schema";
import { sqlInstant } from "@/lib/access/access-end";
import { recordAudit } from "@/lib/audit/record-audit";
import { hashToken, newToken } from "@/lib/crypto/tokens";
import { formatDateTime } from "@/lib/format/dates";
import { queueEmail } from "@/lib/mail/queue-email";
import { notify } from "@/lib/notifications/notify";
import { UNOPENED_LINK_LIFETIME_MS, unopenedLinkExpiresAt } from "@/lib/portal/link-state";
import { appUrl } from "@/lib/urls";

const HOUR_MS = 3_600_000;
/** The contact's reminder goes out this long before an unopened link expires. */
export const REMINDER_HOURS_BEFORE_EXPIRY = 4;
/**
 * Links that expired longer ago than this are marked without telling anyone: the first sweep after
 * an upgrade (or after a long outage) must not flood senders about shares from months ago.
 */
const UNOPENED_REPORT_WINDOW_MS = 7 * 24 * HOUR_MS;

/** A link that is still live and not opened: not revoked, not locked, the document not deleted. */
const unopenedLive = sql`s.first_opened_at is null and s.revoked_at is null and s.locked_at is null and d.deleted_at is null`;

/** The sweep's own audit event about one share (the system acts; the chart's history lists it). */
function auditShare(tx: Executor, action: "document.share_reminder_sent" | "document.share_unopened", r: { id: string; organisation_id: string; client_id: string; document_id: string; contact_id: string }) {
  return recordAudit(tx, {
    organisationId: r.organisation_id,
    actor: { type: "system" },
    action,
    target: { type: "document_share", id: r.id },
    clientId: r.client_id,
    metadata: { documentId: r.document_id, contactId: r.contact_id },
    ip: null,
  });
}

interface ReminderRow {
  id: string;
  document_id: string;
  client_id: string;
  organisation_id: string;
  organisation_name: string;
  sent_at: Date | string;
  contact_id: string;
  contact_name: string;
  contact_email: string | null;
  sender_name: string;
  document_count: number;
}

interface UnopenedRow {
  id: string;
  document_id: string;
  title: string;
  client_id: string;
  organisation_id: string;
  contact_id: string;
  contact_name: string;
  shared_by_id: string;
  sent_at: Date | string;
  /** The sender is still an active member (otherwise nobody is told). */
  sender_active: boolean;
}

/**
 * Once per link, the contact gets one reminder 4 hours before an unopened link expires, when the
 * clinic has turned reminders on (and sharing is on). The reminder carries a fresh token (only
 * hashes are stored, so the first email's link cannot be repeated); the expiry stays where it was,
 * and `link_version` does not move, so a portal tab the contact already has open keeps working.
 * Rows are locked and re-checked before they are stamped, so two sweeps at once send one reminder.
 */
async function remindContacts(tx: Executor, now: Date): Promise<number> {
  const rows = await selectRows<ReminderRow>(
    tx,
    sql`select s.id, s.document_id, d.client_id, d.organisation_id, o.name as organisation_name, s.sent_at,
        c.id as contact_id, c.name as contact_name, c.email as contact_email, u.name as sender_name,
        1 + (select count(*)::int from share_documents sd where sd.share_id = s.id) as document_count
      from document_shares s
      join documents d on d.id = s.document_id
      join organisations o on o.id = d.organisation_id
      join contacts c on c.id = s.contact_id
      join users u on u.id = s.shared_by_id
      where s.reminded_at is null and s.unopened_notified_at is null and ${unopenedLive}
        and o.remind_before_link_expiry and o.sharing_enabled and c.archived_at is null
        and s.sent_at <= ${sqlInstant(new Date(now.getTime() - UNOPENED_LINK_LIFETIME_MS + REMINDER_HOURS_BEFORE_EXPIRY * HOUR_MS))}
        and s.sent_at > ${sqlInstant(new Date(now.getTime() - UNOPENED_LINK_LIFETIME_MS))}
      for update of s`,
  );
  for (const r of rows) {
    const token = newToken();
    await tx.update(documentShares).set({ remindedAt: now, tokenHash: hashToken(token) }).where(eq(documentShares.id, r.id));
    await auditShare(tx, "document.share_reminder_sent", r);
    if (!r.contact_email) continue;
    const linkEmailId = await queueEmail(tx, {
      organisationId: r.organisation_id,
      to: r.contact_email,
      template: "share-link-reminder",
      props: {
        clinicName: r.organisation_name,
        senderName: r.sender_name,
        contactName: r.contact_name,
        viewUrl: appUrl(`/share/${token}`),
        expiresAt: formatDateTime(unopenedLinkExpiresAt({ sentAt: new Date(r.sent_at) })),
        // As the first email counted them: one link for all the share's documents.
        ...(r.document_count > 1 && { documentCount: r.document_count }),
      },
    });
    // The sender's "email not delivered" follows the email that carries the live link.
    await tx.update(documentShares).set({ linkEmailId }).where(eq(documentShares.id, r.id));
  }
  return rows.length;
}

/**
 * Once per link, the sender hears that a link expired unopened: "Dr Priya Shah did not open
 * 'Assessment summary' — Resend", linking to the document, where Resend sends it again as a new
 * share. Claimed by one UPDATE … RETURNING, so two sweeps at once never report the same share.
 */
async function reportUnopened(tx: Executor, now: Date): Promise<number> {
  const expiredBy = new Date(now.getTime() - UNOPENED_LINK_LIFETIME_MS);
  const rows = await selectRows<UnopenedRow>(
    tx,
    sql`with c as (
        update document_shares s set unopened_notified_at = ${sqlInstant(now)}
        from documents d
        where d.id = s.document_id and s.unopened_notified_at is null and ${unopenedLive}
          and s.sent_at <= ${sqlInstant(expiredBy)}
        returning s.id, s.document_id, d.title, d.client_id, d.organisation_id, s.contact_id, s.shared_by_id, s.sent_at)
      select c.*, ct.name as contact_name, (m.user_id is not null) as sender_active
      from c
      join contacts ct on ct.id = c.contact_id
      left join memberships m on m.user_id = c.shared_by_id and m.organisation_id = c.organisation_id and m.status = 'active'`,
  );
  let reported = 0;
  for (const r of rows) {
    if (new Date(r.sent_at).getTime() < expiredBy.getTime() - UNOPENED_REPORT_WINDOW_MS) continue;
    reported++;
    await auditShare(tx, "document.share_unopened", r);
    if (!r.sender_active) continue;
    await notify(tx, {
      userId: r.shared_by_id,
      organisationId: r.organisation_id,
      kind: "share_unopened",
      text: `${r.contact_name} did not open “${r.title}” — Resend`,
      link: `/documents/${r.document_id}?resend=${r.id}`,
    });
  }
  return reported;
}

/**
 * The share-link part of the sweep (lib/access-ends/sweep-expired-access.ts runs it): reminders
 * first (a link inside its last 4 hours), then "did not open" reports (a link past its 24 hours).
 * One transaction each. `now` is injectable for tests.
 */
export async function sweepShareLinks(opts: { now?: Date } = {}): Promise<{ reminded: number; unopened: number }> {
  const now = opts.now ?? new Date();
  const db = await getDb();
  const reminded = await db.transaction((tx) => remindContacts(tx, now));
  const unopened = await db.transaction((tx) => reportUnopened(tx, now));
  return { reminded, unopened };
}
