import "server-only";
import { sql, type SQL } from "drizzle-orm";
import { getDb, selectRows, type Executor } from "@/db/client";
import { daysAfter, END_WARNING_DAYS, sqlInstant } from "@/lib/access/access-end";
import { recordAudit } from "@/lib/audit/record-audit";
import { queueEmail } from "@/lib/mail/queue-email";
import { notify } from "@/lib/notifications/notify";
import { scheduleOutboxDelivery } from "@/lib/outbox/schedule-delivery";
import { appUrl } from "@/lib/urls";
import { formatLastDay } from "./end-date";

type GrantKind = "session_share" | "client_access" | "portal_profile";

/** One grant the sweep claimed (warned or ended), described for the person who gave it. */
interface ClaimedGrant {
  target_id: string;
  holder_id: string;
  holder_name: string;
  expires_at: Date;
  organisation_id: string;
  organisation_name: string;
  subject: string;
  /** The chart the grant is about (the session's patient profile, or the chart itself). */
  client_id: string | null;
  granter_id: string | null;
  granter_name: string | null;
  granter_email: string | null;
  /** The granter is still an active member (otherwise nobody is told). */
  granter_active: boolean;
}

/**
 * Per kind of grant: the statement that claims rows (warn: stamps `expiry_warned_at`; end: deletes
 * the share or entry, revokes the portal profile) and returns what the messages need. Each claim
 * is one UPDATE/DELETE … RETURNING, so two sweeps running at once never claim the same row: the
 * second waits on the row lock, re-checks its condition and skips it.
 */
const KINDS: Record<GrantKind, { claim: (mode: "warn" | "end", now: Date) => SQL; what: (g: ClaimedGrant) => string; manage: (g: ClaimedGrant) => string; targetType: string }> = {
  session_share: {
    claim: (mode, now) => sql`
      c as (${
        mode === "end"
          ? sql`delete from session_shares where expires_at <= ${sqlInstant(now)}`
          : sql`update session_shares set expiry_warned_at = ${sqlInstant(now)} where ${warnable(now)}`
      } returning session_id as target_id, user_id as holder_id, granted_by_id, expires_at),
      x as (select c.target_id, c.holder_id, h.name as holder_name, c.expires_at, t.organisation_id, t.title as subject, t.client_id, c.granted_by_id
      from c join clinical_sessions t on t.id = c.target_id join users h on h.id = c.holder_id)`,
    what: (g) => `${g.holder_name}'s access to “${g.subject}”`,
    // Opens the share dialog, where the end date is changed (Extend) — not just the session.
    manage: (g) => `/sessions/${g.target_id}?share=1`,
    targetType: "clinical_session",
  },
  client_access: {
    claim: (mode, now) => sql`
      c as (${
        mode === "end"
          ? sql`delete from client_access where expires_at <= ${sqlInstant(now)}`
          : sql`update client_access set expiry_warned_at = ${sqlInstant(now)} where ${warnable(now)}`
      } returning client_id as target_id, user_id as holder_id, granted_by_id, expires_at),
      x as (select c.target_id, c.holder_id, h.name as holder_name, c.expires_at, t.organisation_id, t.first_name || ' ' || t.last_name as subject, t.id as client_id, c.granted_by_id
      from c join clients t on t.id = c.target_id join users h on h.id = c.holder_id)`,
    what: (g) => `${g.holder_name}'s access to ${g.subject}'s chart`,
    manage: (g) => `/clients/${g.target_id}/access`,
    targetType: "client",
  },
  portal_profile: {
    claim: (mode, now) => sql`
      c as (${
        mode === "end"
          ? sql`update portal_account_profiles set status = 'revoked', revoked_at = expires_at where status <> 'revoked' and expires_at <= ${sqlInstant(now)}`
          : sql`update portal_account_profiles set expiry_warned_at = ${sqlInstant(now)} where status <> 'revoked' and ${warnable(now)}`
      } returning client_id as target_id, portal_account_id as holder_id, invited_name, invited_by_id as granted_by_id, expires_at),
      x as (select c.target_id, c.holder_id, coalesce(c.invited_name, 'A portal login') as holder_name, c.expires_at, t.organisation_id,
        t.first_name || ' ' || t.last_name as subject, t.id as client_id, c.granted_by_id
      from c join clients t on t.id = c.target_id)`,
    what: (g) => `${g.holder_name}'s client-portal access to ${g.subject}'s profile`,
    manage: (g) => `/clients/${g.target_id}/portal`,
    targetType: "client",
  },
};

/** Ends within the warning window, not warned yet, not ended yet. */
function warnable(now: Date): SQL {
  return sql`expiry_warned_at is null and expires_at > ${sqlInstant(now)} and expires_at <= ${sqlInstant(daysAfter(now, END_WARNING_DAYS))}`;
}

async function claim(tx: Executor, kind: GrantKind, mode: "warn" | "end", now: Date): Promise<ClaimedGrant[]> {
  return selectRows<ClaimedGrant>(
    tx,
    // The claim is a data-modifying WITH, which Postgres allows only at the top level.
    sql`with ${KINDS[kind].claim(mode, now)}
      select x.*, o.name as organisation_name, g.name as granter_name, g.email as granter_email, (m.user_id is not null) as granter_active, x.granted_by_id as granter_id
      from x
      join organisations o on o.id = x.organisation_id
      left join users g on g.id = x.granted_by_id
      left join memberships m on m.user_id = x.granted_by_id and m.organisation_id = x.organisation_id and m.status = 'active'`,
  );
}

/**
 * The end-date sweep (route /api/access/sweep, `npm run sweep`, a cron job). Safety never waits
 * for it — the policy already treats an ended grant as absent — it tidies up and tells people:
 * - grants whose end date has passed are removed (portal profiles revoked), each ending audited,
 *   and the person who gave the access is notified in the app;
 * - grants ending within 3 days are warned about once: the granter gets a notification and an
 *   email with *Extend* and *Let it end*.
 * One transaction per kind and step. `now` is injectable for tests.
 */
export async function sweepExpiredAccess(opts: { now?: Date } = {}): Promise<{ warned: number; ended: number }> {
  const now = opts.now ?? new Date();
  const db = await getDb();
  let warned = 0;
  let ended = 0;
  for (const kind of Object.keys(KINDS) as GrantKind[]) {
    ended += await db.transaction(async (tx) => {
      const rows = await claim(tx, kind, "end", now);
      for (const g of rows) await reportEnded(tx, kind, g);
      return rows.length;
    });
    warned += await db.transaction(async (tx) => {
      const rows = await claim(tx, kind, "warn", now);
      for (const g of rows) await reportEnding(tx, kind, g, now);
      return rows.length;
    });
  }
  if (warned > 0) scheduleOutboxDelivery();
  return { warned, ended };
}

async function reportEnded(tx: Executor, kind: GrantKind, g: ClaimedGrant) {
  const k = KINDS[kind];
  await recordAudit(tx, {
    organisationId: g.organisation_id,
    actor: { type: "system" },
    action: "access.ended",
    target: { type: k.targetType, id: g.target_id },
    clientId: g.client_id,
    metadata: { grant: kind, holderId: g.holder_id, grantedById: g.granter_id, endsAt: new Date(g.expires_at).toISOString() },
    ip: null,
  });
  if (!g.granter_active || !g.granter_id) return;
  await notify(tx, {
    userId: g.granter_id,
    organisationId: g.organisation_id,
    kind: "access_ended",
    text: `${k.what(g)} has ended, on the end date you set.`,
    link: k.manage(g),
  });
}

async function reportEnding(tx: Executor, kind: GrantKind, g: ClaimedGrant, now: Date) {
  const k = KINDS[kind];
  const lastDay = formatLastDay(new Date(g.expires_at), now);
  await recordAudit(tx, {
    organisationId: g.organisation_id,
    actor: { type: "system" },
    action: "access.end_warned",
    target: { type: k.targetType, id: g.target_id },
    clientId: g.client_id,
    metadata: { grant: kind, holderId: g.holder_id, grantedById: g.granter_id, endsAt: new Date(g.expires_at).toISOString() },
    ip: null,
  });
  if (!g.granter_active || !g.granter_id || !g.granter_email) return;
  await notify(tx, {
    userId: g.granter_id,
    organisationId: g.organisation_id,
    kind: "access_ending_soon",
    text: `${k.what(g)} ends after ${lastDay}. Extend it, or let it end.`,
    link: k.manage(g),
  });
  await queueEmail(tx, {
    organisationId: g.organisation_id,
    to: g.granter_email,
    template: "access-ending",
    props: {
      clinicName: g.organisation_name,
      granterName: g.granter_name ?? "",
      what: k.what(g),
      lastDay,
      extendUrl: appUrl(k.manage(g)),
      letItEndUrl: appUrl("/notifications"),
    },
  });
}
