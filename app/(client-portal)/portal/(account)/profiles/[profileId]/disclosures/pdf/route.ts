import { downloadMyDisclosureRecord } from "@/lib/client-portal/disclosure-record";
import { getClientOrThrow } from "@/lib/client-portal/require-client";
import { pdfDownloadRoute } from "@/lib/pdf/pdf-route";

/** "Who has seen this information" → Download as PDF: the signed-in client's own profile only. */
export const GET = pdfDownloadRoute("profileId", async (profileId) => downloadMyDisclosureRecord(await getClientOrThrow(), { profileId }));
