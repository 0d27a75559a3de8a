import "server-only";
import { after } from "next/server";
import { getConnection, getDb } from "@/db/client";
import { AppError } from "@/lib/errors";
import { getClientInfo } from "@/lib/request/client-info";
import { recordStaffAudit } from "@/lib/audit/record-audit";
import type { StaffActor } from "./actor";
import { levelAtLeast, type Area } from "./permissions";
import { isUuid } from "@/lib/validation/ids";

/** An organisation-level permission: an area and the level the action needs. */
export type AreaPermission = `${Area}:${"view" | "edit"}`;

export function can(actor: StaffActor, permission: AreaPermission): boolean {
  const [area, level] = permission.split(":") as [Area, "view" | "edit"];
  return levelAtLeast(actor.role.permissions[area], level);
}

/** Throws `forbidden` (and audits the refusal) unless the actor holds the permission. */
export async function assertCan(actor: StaffActor, permission: AreaPermission): Promise<void> {
  if (can(actor, permission)) return;
  await auditRefusal(actor, permission);
  throw new AppError("forbidden");
}

/**
 * Audits a refusal. Guards often refuse inside a transaction that is about to roll back, so the
 * event must not ride on it, and the embedded database has a single connection that the open
 * transaction holds: in a request the event is written once the response is done (`after`),
 * elsewhere (scripts, tests on a server database) straight away on its own connection.
 */
export async function auditRefusal(actor: StaffActor, what: string, target?: { type: string; id: string }): Promise<void> {
  const client = await getClientInfo(); // read now: request headers are gone by the time `after` runs
  const write = async () =>
    recordStaffAudit(await getDb(), actor, { action: "access.refused", target, clientId: refusedClientId(target), metadata: { needed: what }, ip: client.ip, userAgent: client.userAgent });
  try {
    after(write);
  } catch {
    // Outside a request. The embedded database's one connection may be held by the transaction
    // that is refusing: queue the write behind it (PGlite runs queries in order) instead of waiting.
    if ((await getConnection()).driver === "pglite") void write().catch((e) => console.error("Could not audit a refusal", e));
    else await write();
  }
}

/** A refused attempt on a chart belongs to that chart's history (the id is checked: the column is a uuid). */
function refusedClientId(target: { type: string; id: string } | undefined): string | null {
  return target?.type === "client" && isUuid(target.id) ? target.id : null;
}
