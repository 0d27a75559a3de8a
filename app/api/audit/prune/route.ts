import { pruneAuditEvents } from "@/lib/audit/prune-audit-events";
import { isDeliveryAuthorised } from "@/lib/outbox/deliverer-secret";

// The audit retention job for a cron: the same maintenance secret as the outbox route
// (OUTBOX_CRON_SECRET, or the embedded database's lock-file secret for `npm run audit:prune`).
export async function POST(request: Request) {
  if (!isDeliveryAuthorised(request)) return new Response("Not found", { status: 404 });
  const { total } = await pruneAuditEvents();
  return Response.json({ total }, { headers: { "Cache-Control": "no-store" } });
}
