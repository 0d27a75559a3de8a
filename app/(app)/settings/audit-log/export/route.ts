import { readAuditFilters } from "@/lib/audit/audit-filters";
import { exportAuditEvents } from "@/lib/audit/export-audit-events";
import { getStaffOrThrow } from "@/lib/auth/staff-actor";
import { AppError } from "@/lib/errors";

// GET /settings/audit-log/export?<the page's filters>: the filtered log as CSV, streamed.
export async function GET(request: Request) {
  try {
    const actor = await getStaffOrThrow();
    const { stream, filename } = await exportAuditEvents(actor, readAuditFilters(new URL(request.url).searchParams));
    return new Response(stream, {
      headers: {
        "Content-Type": "text/csv; charset=utf-8",
        "Content-Disposition": `attachment; filename="${filename}"`,
        "Cache-Control": "private, no-store",
        "X-Content-Type-Options": "nosniff",
      },
    });
  } catch (e) {
    if (e instanceof AppError) {
      return e.code === "unauthenticated"
        ? new Response("Sign in to continue", { status: 401, headers: { "Cache-Control": "no-store" } })
        : new Response("Not found", { status: 404, headers: { "Cache-Control": "private, no-store" } });
    }
    throw e;
  }
}
