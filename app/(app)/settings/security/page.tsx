import type { Metadata } from "next";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { requireStaffWith } from "@/lib/access/require-area";
import { getSecuritySettings } from "@/lib/auth/auth-sessions/security-settings";
import { SecuritySettingsForm } from "./security-form";

export const metadata: Metadata = { title: "Security" };

export default async function SecuritySettingsPage() {
  const actor = await requireStaffWith("settings:edit");
  const settings = await getSecuritySettings(actor);
  return (
    <Card className="max-w-3xl">
      <CardHeader
        title="Sign-in security"
        description="Staff are signed out after a period without activity, so an unattended screen does not stay open on clinical records. Two-factor sign-in asks for a code from a phone as well as the password."
      />
      <CardBody>
        <SecuritySettingsForm idleTimeoutMinutes={settings.idleTimeoutMinutes} requireTwoFactor={settings.requireTwoFactor} />
      </CardBody>
    </Card>
  );
}
