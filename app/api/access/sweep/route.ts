import { sweepExpiredAccess } from "@/lib/access-ends/sweep-expired-access";
import { isSweepAuthorised } from "@/lib/access-ends/sweep-secret";

// The end-date sweep for a cron job (vercel.json runs it hourly): removes grants past their end
// date and sends the 3-day warnings. Without the secret it answers like a page that isn't there.
export async function POST(request: Request) {
  if (!isSweepAuthorised(request)) return new Response("Not found", { status: 404 });
  const counts = await sweepExpiredAccess();
  return Response.json(counts, { headers: { "Cache-Control": "no-store" } });
}

// Vercel Cron calls with GET.
export const GET = POST;
