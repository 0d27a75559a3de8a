import type { Metadata } from "next";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { requireStaffWith } from "@/lib/access/require-area";
import { getSharingSettings } from "@/lib/documents/sharing-settings";
import { SharingSettingsForm } from "./sharing-form";

export const metadata: Metadata = { title: "Sharing" };

export default async function SharingSettingsPage() {
  const actor = await requireStaffWith("settings:edit");
  const settings = await getSharingSettings(actor);
  return (
    <Card className="max-w-3xl">
      <CardHeader
        title="Document sharing"
        description="Let staff share letters, prescriptions, documents, lab results and invoices with external contacts through the secure sharing portal."
      />
      <CardBody>
        <SharingSettingsForm settings={settings} />
      </CardBody>
    </Card>
  );
}
