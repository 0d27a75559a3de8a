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
import { sweepShareLinks } from "./sweep-share-links";

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
 * Per kind of grant: its table and columns, the statement that ends a row (delete the share or
 * entry; revoke the portal profile), and how to describe it. claimSql() builds both claims from
 * this: warn stamps `expiry_warned_at`, end removes; each is one UPDATE/DELETE … RETURNING, so two
 * sweeps running at once never claim the same row: the second waits on the row lock, re-checks
 * its condition and skips it.
 */
interface GrantTable {
  table: string;
  /** Columns returned as target_id, holder_id, granted_by_id. */
  columns: { target: string; holder: string; grantedBy: string; extra?: string };
  /** Rows that can still end (portal profiles stay as revoked rows). */
  live?: SQL;
  end: (now: Date) => SQL;
  /** Selects, from the claimed rows `c`, what ClaimedGrant needs besides the organisation and granter. */
  details: SQL;
  what: (g: ClaimedGrant) => string;
  manage: (g: ClaimedGrant) => string;
  targetType: string;
}

const KINDS: Record<GrantKind, GrantTable> = {
  session_share: {
    table: "session_shares",
    columns: { target: "session_id", holder: "user_id", grantedBy: "granted_by_id" },
    end: (now) => sql`delete from session_shares where expires_at <= ${sqlInstant(now)}`,
    details: sql`select c.target_id, c.holder_id, h.name as holder_name, c.expires_at, t.organisation_id, t.title as subject, t.client_id, c.granted_by_id
      from c join clinical_sessions t on t.id = c.target_id join users h on h.id = c.holder_id`,
    what: (g) => `${g.holder_name}'s access to “${g.subject}”`,
    // Opens the share dialog, where the end date is changed (Extend) — not just the session.
    manage: (g) => `/sessions/${g.target_id}?share=1`,
    targetType: "clinical_session",
  },
  client_access: {
    table: "client_access",
    columns: { target: "client_id", holder: "user_id", grantedBy: "granted_by_id" },
    end: (now) => sql`delete from client_access where expires_at <= ${sqlInstant(now)}`,
    details: sql`select c.target_id, c.holder_id, h.name as holder_name, c.expires_at, t.organisation_id, t.first_name || ' ' || t.last_name as subject, t.id as client_id, c.granted_by_id
      from c join clients t on t.id = c.target_id join users h on h.id = c.holder_id`,
    what: (g) => `${g.holder_name}'s access to ${g.subject}'s chart`,
    manage: (g) => `/clients/${g.target_id}/access`,
    targetType: "client",
  },
  portal_profile: {
    table: "portal_account_profiles",
    columns: { target: "client_id", holder: "portal_account_id", grantedBy: "invited_by_id", extra: "invited_name" },
    live: sql`status <> 'revoked'`,
    end: (now) => sql`update portal_account_profiles set status = 'revoked', revoked_at = expires_at where status <> 'revoked' and expires_at <= ${sqlInstant(now)}`,
    details: sql`select c.target_id, c.holder_id, coalesce(c.invited_name, 'A portal login') as holder_name, c.expires_at, t.organisation_id,
        t.first_name || ' ' || t.last_name as subject, t.id as client_id, c.granted_by_id
      from c join clients t on t.id = c.target_id`,
    what: (g) => `${g.holder_name}'s client-portal access to ${g.subject}'s profile`,
    manage: (g) => `/clients/${g.target_id}/portal`,
    targetType: "client",
  },
};

function claimSql(k: GrantTable, mode: "warn" | "end", now: Date): SQL {
  const statement = mode === "end" ? k.end(now) : sql`update ${sql.raw(k.table)} set expiry_warned_at = ${sqlInstant(now)} where ${k.live ? sql`${k.live} and ` : sql``}${warnable(now)}`;
  const { target, holder, grantedBy, extra } = k.columns;
  return sql`c as (${statement} returning ${sql.raw(`${target} as target_id, ${holder} as holder_id, ${grantedBy} as granted_by_id, expires_at${extra ? `, ${extra}` : ""}`)}), x as (${k.details})`;
}

/** Ends within the warning window, not warned yet, not ended yet. */
function warnable(now: Date): SQL {
  return sql`expiry_warned_at is null and expires_at > ${sqlInstant(now)} and expires_at <= ${sqlInstant(daysAfter(now, END_WARNING_DAYS))}`;
}

async function claim(tx: Executor, kind: GrantKind, mode: "warn" | "end", now: Date): Promise<ClaimedGrant[]> {
  return selectRows<ClaimedGrant>(
    tx,
    // The claim is a data-modifying WITH, which Postgres allows only at the top level.
    sql`with ${claimSql(KINDS[kind], mode, now)}
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
 *   email with *Extend* and *Let it end*;
 * - external share links: the contact's reminder before an unopened link expires, and the
 *   sender's "did not open" notification after it has (./sweep-share-links.ts).
 * One transaction per kind and step. `now` is injectable for tests.
 */
export async function sweepExpiredAccess(opts: { now?: Date } = {}): Promise<{ warned: number; ended: number; reminded: number; unopened: number }> {
  const now = opts.now ?? new Date();
  const db = await getDb();
  const counts = { warned: 0, ended: 0 };
  for (const kind of Object.keys(KINDS) as GrantKind[]) {
    for (const mode of ["end", "warn"] as const) {
      counts[mode === "end" ? "ended" : "warned"] += await db.transaction(async (tx) => {
        const rows = await claim(tx, kind, mode, now);
        for (const g of rows) await report(tx, kind, mode, g, now);
        return rows.length;
      });
    }
  }
  const links = await sweepShareLinks({ now });
  if (counts.warned > 0 || links.reminded > 0) scheduleOutboxDelivery();
  return { ...counts, ...links };
}

/** Audits the ending (or the warning) and tells the granter, if they are still a member. */
async function report(tx: Executor, kind: GrantKind, mode: "warn" | "end", g: ClaimedGrant, now: Date) {
  const k = KINDS[kind];
  await recordAudit(tx, {
    organisationId: g.organisation_id,
    actor: { type: "system" },
    action: mode === "end" ? "access.ended" : "access.end_warned",
    target: { type: k.targetType, id: g.target_id },
    clientId: g.client_id,
    metadata: { grant: kind, holderId: g.holder_id, grantedById: g.granter_id, endsAt: new Date(g.expires_at).toISOString() },
    ip: null,
  });
  if (!g.granter_active || !g.granter_id) return;
  if (mode === "end") {
    await notify(tx, { userId: g.granter_id, organisationId: g.organisation_id, kind: "access_ended", text: `${k.what(g)} has ended, on the end date you set.`, link: k.manage(g) });
    return;
  }
  if (!g.granter_email) return;
  const lastDay = formatLastDay(new Date(g.expires_at), now);
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
