import { z } from "zod";
import { AUDIT_GROUP_KEYS, RECORD_TYPE_KEYS } from "./action-groups";

const blankToUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);
const isoDate = z.iso.date();
const UUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

/**
 * Settings → Audit log's filters, read from the query string (the page and the CSV export take the
 * same ones). Something unreadable is dropped rather than refused: it is a URL anyone may edit.
 * `client` is a client id (from a chart's link) or part of a client's name.
 */
export const auditFiltersInput = z.object({
  person: z.preprocess(blankToUndefined, z.string().regex(new RegExp(`^(user|contact|client):${UUID}$`, "i")).optional()).catch(undefined),
  client: z.preprocess(blankToUndefined, z.string().trim().max(120).optional()).catch(undefined),
  record: z.preprocess(blankToUndefined, z.enum(RECORD_TYPE_KEYS).optional()).catch(undefined),
  group: z.preprocess(blankToUndefined, z.enum(AUDIT_GROUP_KEYS).optional()).catch(undefined),
  from: z.preprocess(blankToUndefined, isoDate.optional()).catch(undefined),
  to: z.preprocess(blankToUndefined, isoDate.optional()).catch(undefined),
});
export type AuditFilters = z.output<typeof auditFiltersInput>;

/** The filters from a page's searchParams or a request's URLSearchParams. */
export function readAuditFilters(params: URLSearchParams | Record<string, string | string[] | undefined>): AuditFilters {
  const get = (k: string) => {
    const v = params instanceof URLSearchParams ? params.get(k) : params[k];
    return typeof v === "string" ? v : undefined;
  };
  return auditFiltersInput.parse({ person: get("person"), client: get("client"), record: get("record"), group: get("group"), from: get("from"), to: get("to") });
}

/** The filters as query-string pairs (for links: pagination, the export). */
export function auditFilterParams(filters: AuditFilters): URLSearchParams {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(filters)) if (v) params.set(k, v);
  return params;
}

export function isUuidLike(value: string): boolean {
  return new RegExp(`^${UUID}$`, "i").test(value);
}
