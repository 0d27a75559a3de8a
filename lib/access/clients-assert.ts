import "server-only";
import type { Executor } from "@/db/client";
import { AppError } from "@/lib/errors";
import type { StaffActor } from "./actor";
import { auditRefusal } from "./can";
import { clientSight } from "./client-visibility";
import type { ChartSight } from "./emergency-access";
import { CLIENT_PERMISSION_NEEDS, canClient, roleAllowsClient, type ClientPermission } from "./clients";

/**
 * Guards one action on one chart. Someone who may not see the chart gets `not_found`, exactly as
 * for a chart that does not exist; someone who sees it but lacks the permission gets `forbidden`.
 * Both refusals are audited. A live emergency grant (judged at `now`) lets only View through.
 * Returns how much of the chart the actor sees.
 */
export async function assertCanClient(actor: StaffActor, permission: ClientPermission, clientId: string | null, exec?: Executor, now: Date = new Date()): Promise<ChartSight> {
  const needsChart = CLIENT_PERMISSION_NEEDS[permission].chart;
  const sight = needsChart && clientId ? await clientSight(actor, clientId, exec, now) : "none";
  if (needsChart ? canClient(actor, permission, sight) : roleAllowsClient(actor, permission)) return sight;
  await auditRefusal(actor, permission, clientId ? { type: "client", id: clientId } : undefined);
  throw new AppError(needsChart && sight === "none" ? "not_found" : "forbidden");
}
