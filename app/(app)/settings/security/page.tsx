import type { Metadata } from "next";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { requireStaffWith } from "@/lib/access/require-area";
import { getSecuritySettings } from "@/lib/auth/auth-sessions/security-settings";
import { getDisclosureSettings } from "@/lib/clients/disclosure-settings";
import { DisclosureSettingsForm } from "./disclosure-form";
import { SecuritySettingsForm } from "./security-form";

export const metadata: Metadata = { title: "Security" };

export default async function SecuritySettingsPage() {
  const actor = await requireStaffWith("settings:edit");
  const [settings, disclosure] = await Promise.all([
    getSecuritySettings(actor),
    getDisclosureSettings(actor),
  ]);
  return (
    <div className="space-y-6">
      <Card className="max-w-3xl">
        <CardHeader
          title="Automatic sign-out"
          description="Staff are signed out after a period without activity, so an unattended screen does not stay open on clinical records."
        />
        <CardBody>
          <SecuritySettingsForm
            idleTimeoutMinutes={settings.idleTimeoutMinutes}
          />
        </CardBody>
      </Card>
      <Card className="max-w-3xl">
        <CardHeader
          title="Client's record of disclosures"
          description="Clients see in the portal every document of theirs shared outside the clinic. This also shows them which staff opened their chart."
        />
        <CardBody>
          <DisclosureSettingsForm
            showStaffAccess={disclosure.showStaffAccess}
          />
        </CardBody>
      </Card>
    </div>
  );
}
