import "server-only";
import { requireStaffWith } from "@/lib/access/require-area";
import { getClientChart, type ChartTab } from "@/lib/clients/get-client-chart";
import { idOrNotFound, orNotFound } from "@/lib/access/or-not-found";

/** Every chart page: the policy (no access looks like no chart) and the audited view. */
export async function loadChart(params: Promise<{ clientId: string }>, tab: ChartTab) {
  const actor = await requireStaffWith("patients:view");
  const clientId = idOrNotFound((await params).clientId);
  return { actor, chart: await orNotFound(getClientChart(actor, clientId, tab), ["not_found", "forbidden"]) };
}
