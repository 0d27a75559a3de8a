import type { Metadata } from "next";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { requireStaffWith } from "@/lib/access/require-area";
import { getSecuritySettings } from "@/lib/auth/auth-sessions/security-settings";
import { getDisclosureSettings } from "@/lib/clients/disclosure-settings";
import { DisclosureSettingsForm } from "./disclosure-form";
import { SecuritySettingsForm } from "./security-form";
import { getEmergencyAccessSettings } from "@/lib/emergency-access/settings";
import { EmergencyAccessSettingsForm } from "./emergency-access-form";
import Link from "next/link";

export const metadata: Metadata = { title: "Security" };

export default async function SecuritySettingsPage() {
  const actor = await requireStaffWith("settings:edit");
  const [settings, emergency, disclosure] = await Promise.all([getSecuritySettings(actor), getEmergencyAccessSettings(actor), getDisclosureSettings(actor)]);
  return (
    <div className="space-y-6">
      <Card className="max-w-3xl">
        <CardHeader
          title="Sign-in security"
          description="Staff are signed out after a period without activity, so an unattended screen does not stay open on clinical records. Two-factor sign-in asks for a code from a phone as well as the password."
        />
        <CardBody>
          <SecuritySettingsForm idleTimeoutMinutes={settings.idleTimeoutMinutes} requireTwoFactor={settings.requireTwoFactor} />
        </CardBody>
      </Card>
      <Card className="max-w-3xl">
        <CardHeader
          title="Emergency access"
          description="Lets a clinician read a chart or session they have no access to when a client's care cannot wait, after giving a reason. Every admin is told at once and reviews each use."
          actions={<Link className="text-sm font-medium text-teal-800 hover:underline" href="/settings/audit-log/emergency">Review uses</Link>}
        />
        <CardBody>
          <EmergencyAccessSettingsForm enabled={emergency.emergencyAccessEnabled} hours={emergency.emergencyAccessHours} />
        </CardBody>
      </Card>
      <Card className="max-w-3xl">
        <CardHeader
          title="Client's record of disclosures"
          description="Clients see in the portal every document of theirs shared outside the clinic. This also shows them which staff opened their chart."
        />
        <CardBody>
          <DisclosureSettingsForm showStaffAccess={disclosure.showStaffAccess} />
        </CardBody>
      </Card>
    </div>
  );
}
