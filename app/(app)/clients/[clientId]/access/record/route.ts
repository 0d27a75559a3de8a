import { getStaffOrThrow } from "@/lib/auth/staff-actor";
import { getChartDisclosureRecordPdf } from "@/lib/clients/get-chart-disclosure-record";
import { pdfDownloadRoute } from "@/lib/pdf/pdf-route";

/** Access tab → "Download record of disclosures" (six years), for anyone who may open the chart. */
export const GET = pdfDownloadRoute("clientId", async (clientId) => getChartDisclosureRecordPdf(await getStaffOrThrow(), { clientId }));
