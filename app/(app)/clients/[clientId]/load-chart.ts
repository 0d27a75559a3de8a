import "server-only";
import { requireStaffWith } from "@/lib/access/require-area";
import { getClientChart, type ChartTab } from "@/lib/clients/get-client-chart";
import { idOrNotFound, orNotFound } from "@/lib/access/or-not-found";
import { recordMetadata } from "@/lib/records/record-metadata";

/** Every chart page: the policy (no access looks like no chart) and the audited view. */
export async function loadChart(params: Promise<{ clientId: string }>, tab: ChartTab) {
  const actor = await requireStaffWith("patients:view");
  const clientId = idOrNotFound((await params).clientId);
  return { actor, chart: await orNotFound(getClientChart(actor, clientId, tab), ["not_found", "forbidden"]) };
}

/** A chart page's title: "Jordan Lee", or "Documents — Jordan Lee" for a tab; "Not found" otherwise. */
export async function chartMetadata(params: Promise<{ clientId: string }>, tab?: string) {
  return recordMetadata("client", (await params).clientId, tab);
}
