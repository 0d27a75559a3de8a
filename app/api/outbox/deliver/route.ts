import { deliverDueMessages } from "@/lib/outbox/deliver";
import { isDeliveryAuthorised } from "@/lib/outbox/deliverer-secret";

// The retry path for a cron job: re-sends what failed or was left behind, with backoff.
// Protected by OUTBOX_CRON_SECRET (Vercel Cron sends it as a bearer token), or, on the embedded
// database, by the lock file's secret (`npm run outbox:deliver` beside a running app).
export async function POST(request: Request) {
  if (!isDeliveryAuthorised(request)) return new Response("Not found", { status: 404 });
  const counts = await deliverDueMessages({ limit: 200 });
  return Response.json(counts, { headers: { "Cache-Control": "no-store" } });
}

export const GET = POST;
