import "server-only";
import { sql } from "drizzle-orm";
import { selectRows, type Executor } from "@/db/client";
import { DOCUMENT_KIND_LABELS, type DocumentKind } from "@/lib/access/documents";
import { sharePurposeLabel, type SharePurpose } from "@/lib/documents/share-purpose";
import { actionIn, chartEventsFilter, STAFF_ACCESS_ACTIONS } from "./chart-events";

/** A record of disclosures covers six years (HIPAA 164.528: the accounting period). */
export const DISCLOSURE_RECORD_YEARS = 6;

export function disclosurePeriod(now: Date): { from: Date; to: Date } {
  const from = new Date(now);
  from.setUTCFullYear(from.getUTCFullYear() - DISCLOSURE_RECORD_YEARS);
  return { from, to: now };
}

export interface Disclosure {
  sharedAt: Date;
  recipientName: string;
  recipientOrganisation: string | null;
  documentTitle: string;
  documentKindLabel: string;
  /** The purpose given when sharing; null for shares made before purposes were recorded. */
  purpose: string | null;
  openedAt: Date | null;
}

export interface StaffAccessDay {
  /** YYYY-MM-DD, the day in the clinic's time zone. */
  day: string;
  name: string;
  /** Their role at the time. */
  roleName: string | null;
}

export interface DisclosureRecord {
  clinic: { name: string; address: string };
  client: { name: string; dateOfBirth: string | null };
  period: { from: Date; to: Date };
  disclosures: Disclosure[];
  /** null when the clinic does not show staff access (Settings → Security). */
  staffAccess: StaffAccessDay[] | null;
}

/**
 * The client's record of disclosures: every document of the profile shared with an outside
 * contact in the period (revoked later or not: it was disclosed), whether it was opened, and —
 * when the clinic turns it on — which staff opened the chart or its documents, by day.
 * The caller has authorised the reader.
 */
export async function buildDisclosureRecord(exec: Executor, input: { organisationId: string; clientId: string; now: Date }): Promise<DisclosureRecord> {
  const period = disclosurePeriod(input.now);
  const [head] = await selectRows<{ clinic_name: string; clinic_address: string; first_name: string; last_name: string; date_of_birth: string | null; show_staff: boolean }>(
    exec,
    sql`select o.name as clinic_name, o.address as clinic_address, c.first_name, c.last_name, c.date_of_birth::text as date_of_birth, o.disclosure_shows_staff_access as show_staff
      from clients c join organisations o on o.id = c.organisation_id
      where c.id = ${input.clientId} and c.organisation_id = ${input.organisationId}`,
  );
  const shares = await selectRows<{ shared_at: Date | string; contact_name: string; contact_organisation: string | null; title: string; kind: DocumentKind; opened_at: Date | string | null; purpose: SharePurpose | null; purpose_note: string | null }>(
    exec,
    sql`select ds.created_at as shared_at, ds.purpose, ds.purpose_note, ct.name as contact_name, ct.organisation_name as contact_organisation, d.title, d.kind,
        -- A resent link starts unopened again, so an earlier opening is read from the audit log too.
        coalesce(ds.first_opened_at, (select min(e.created_at) from audit_events e
          where e.target_type = 'document_share' and e.target_id = ds.id::text and e.action in ('portal.link_opened', 'portal.code_accepted', 'portal.document_viewed'))) as opened_at
      from document_shares ds
      -- A share of several documents discloses each of them (share_documents holds the further ones).
      join documents d on d.id = ds.document_id or d.id in (select sd.document_id from share_documents sd where sd.share_id = ds.id)
      join contacts ct on ct.id = ds.contact_id
      where d.client_id = ${input.clientId} and d.organisation_id = ${input.organisationId}
        and ds.created_at >= ${period.from.toISOString()}::timestamptz and ds.created_at <= ${period.to.toISOString()}::timestamptz
      order by ds.created_at desc`,
  );
  const staffAccess = head?.show_staff
    ? await selectRows<{ day: string; name: string; role_name: string | null }>(
        exec,
        sql`select distinct to_char(e.created_at at time zone o.time_zone, 'YYYY-MM-DD') as day, u.name, coalesce(e.actor_role, r.name) as role_name
          from audit_events e
          join users u on u.id::text = e.actor_id
          join organisations o on o.id = e.organisation_id
          left join memberships m on m.user_id = u.id and m.organisation_id = e.organisation_id
          left join roles r on r.id = m.role_id
          where ${chartEventsFilter(input.organisationId, input.clientId)} and e.actor_type = 'user' and ${actionIn(STAFF_ACCESS_ACTIONS)}
            and e.created_at >= ${period.from.toISOString()}::timestamptz and e.created_at <= ${period.to.toISOString()}::timestamptz
          order by day desc, u.name`,
      )
    : null;
  return {
    clinic: { name: head?.clinic_name ?? "", address: head?.clinic_address ?? "" },
    client: { name: head ? `${head.first_name} ${head.last_name}` : "", dateOfBirth: head?.date_of_birth ?? null },
    period,
    disclosures: shares.map((s) => ({
      sharedAt: new Date(s.shared_at),
      recipientName: s.contact_name,
      recipientOrganisation: s.contact_organisation,
      documentTitle: s.title,
      documentKindLabel: DOCUMENT_KIND_LABELS[s.kind],
      purpose: s.purpose ? sharePurposeLabel(s.purpose, s.purpose_note) : null,
      openedAt: s.opened_at ? new Date(s.opened_at) : null,
    })),
    staffAccess: staffAccess?.map((r) => ({ day: r.day, name: r.name, roleName: r.role_name })) ?? null,
  };
}
