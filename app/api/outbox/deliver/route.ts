import { timingSafeEqual } from "node:crypto";
import { deliverDueMessages } from "@/lib/outbox/deliver";

// The retry path for a cron job: re-sends what failed or was left behind, with backoff.
// Protected by OUTBOX_CRON_SECRET (Vercel Cron sends it as a bearer token).
export async function POST(request: Request) {
  if (!authorised(request)) return new Response("Not found", { status: 404 });
  const counts = await deliverDueMessages({ limit: 200 });
  return Response.json(counts, { headers: { "Cache-Control": "no-store" } });
}

export const GET = POST;

function authorised(request: Request): boolean {
  const secret = process.env.OUTBOX_CRON_SECRET;
  const given = request.headers.get("authorization")?.replace(/^Bearer\s+/i, "") ?? "";
  if (!secret || !given) return false;
  const a = Buffer.from(secret);
  const b = Buffer.from(given);
  return a.length === b.length && timingSafeEqual(a, b);
}
