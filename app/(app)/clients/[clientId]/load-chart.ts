import "server-only";
import { notFound } from "next/navigation";
import { requireStaffWith } from "@/lib/access/require-area";
import { getClientChart, type ChartTab } from "@/lib/clients/get-client-chart";
import { AppError } from "@/lib/errors";

/** Every chart page: the policy (no access looks like no chart) and the audited view. */
export async function loadChart(params: Promise<{ clientId: string }>, tab: ChartTab) {
  const actor = await requireStaffWith("patients:view");
  const { clientId } = await params;
  try {
    return { actor, chart: await getClientChart(actor, clientId, tab) };
  } catch (e) {
    if (e instanceof AppError && (e.code === "not_found" || e.code === "forbidden")) notFound();
    throw e;
  }
}
