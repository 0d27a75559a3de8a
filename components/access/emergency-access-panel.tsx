import { Card, CardBody, CardHeader } from "@/components/ui/card";
import type { EmergencyRecord } from "@/lib/access/emergency-access";
import { requireStaff } from "@/lib/auth/staff-actor";
import { emergencyAccessOffer } from "@/lib/emergency-access/emergency-access-offer";
import { EmergencyAccessForm } from "./emergency-access-form";

/**
 * *Get emergency access* under a chart's or a session's not-found page, for people whose role
 * allows it while the organisation has it on. It depends on the person only, never on the
 * record, so it looks the same whether the record exists or not; the server re-checks everything.
 */
export async function EmergencyAccessPanel({ kind }: { kind: EmergencyRecord["kind"] }) {
  const actor = await requireStaff();
  const offer = await emergencyAccessOffer(actor, kind);
  if (!offer) return null;
  const what = kind === "client" ? "chart" : "session";
  return (
    <Card className="mx-auto mt-2 max-w-xl border-amber-300">
      <CardHeader
        title="Emergency access"
        description={`If a client's care depends on this ${what} now, you can open it read-only for ${offer.hours} ${offer.hours === 1 ? "hour" : "hours"}. Every admin is told at once and reviews your reason.`}
      />
      <CardBody>
        <EmergencyAccessForm kind={kind} />
      </CardBody>
    </Card>
  );
}
