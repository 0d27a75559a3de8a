import { checkHealth } from "@/lib/health/check-health";

// For load balancers and uptime checks: 200 when the database answers and its migrations are
// current, 503 otherwise. No personal data, no authentication.
export const dynamic = "force-dynamic";

export async function GET() {
  const health = await checkHealth();
  return Response.json(health, { status: health.status === "ok" ? 200 : 503, headers: { "Cache-Control": "no-store" } });
}
