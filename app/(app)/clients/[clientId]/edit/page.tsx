import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Alert } from "@/components/ui/alert";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { ChartHeader } from "../chart-header";
import { chartMetadata, loadChart } from "../load-chart";
import { EditClientForm } from "./edit-client-form";

export async function generateMetadata({ params }: { params: Promise<{ clientId: string }> }): Promise<Metadata> {
  return chartMetadata(params, "Edit details");
}

export default async function EditClientPage({ params }: { params: Promise<{ clientId: string }> }) {
  const { chart } = await loadChart(params, "edit");
  // Read through emergency access: the chart is theirs to read only, and the page says so.
  if (chart.emergencyUntil && !chart.abilities.edit) {
    return (
      <>
        <ChartHeader chart={chart} current="overview" />
        <Alert tone="info" className="max-w-2xl">
          You&apos;re reading this chart through emergency access, which is view only: its details can&apos;t be changed. Ask someone on the chart&apos;s access list, or an admin.
        </Alert>
      </>
    );
  }
  // The action asks the policy again: hiding the page is a convenience, not the guard.
  if (!chart.abilities.edit) notFound();
  const c = chart.client;
  return (
    <>
      <ChartHeader chart={chart} current="overview" />
      <Card className="max-w-2xl">
        <CardHeader title="Edit details" description="Only this profile changes: other profiles of the same person keep their own details." />
        <CardBody>
          <EditClientForm client={{ id: c.id, firstName: c.firstName, lastName: c.lastName, dateOfBirth: c.dateOfBirth, email: c.email, phone: c.phone, address: c.address, profileLabel: c.profileLabel }} />
        </CardBody>
      </Card>
    </>
  );
}
