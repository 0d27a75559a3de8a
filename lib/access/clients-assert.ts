import "server-only";
import type { Executor } from "@/db/client";
import { AppError } from "@/lib/errors";
import type { StaffActor } from "./actor";
import { auditRefusal } from "./can";
import { canSeeClient } from "./client-visibility";
import { CLIENT_PERMISSION_NEEDS, canClient, roleAllowsClient, type ClientPermission } from "./clients";

/**
 * Guards one action on one chart. Someone who may not see the chart gets `not_found`, exactly as
 * for a chart that does not exist; someone who sees it but lacks the permission gets `forbidden`.
 * Both refusals are audited.
 */
export async function assertCanClient(actor: StaffActor, permission: ClientPermission, clientId: string | null, exec?: Executor): Promise<void> {
  const needsChart = CLIENT_PERMISSION_NEEDS[permission].chart;
  const visible = needsChart && clientId ? await canSeeClient(actor, clientId, exec) : false;
  if (needsChart ? canClient(actor, permission, visible) : roleAllowsClient(actor, permission)) return;
  await auditRefusal(actor, permission, clientId ? { type: "client", id: clientId } : undefined);
  throw new AppError(needsChart && !visible ? "not_found" : "forbidden");
}
