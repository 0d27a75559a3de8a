import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { ChartHeader } from "../chart-header";
import { chartMetadata, loadChart } from "../load-chart";
import { EditClientForm } from "./edit-client-form";

export async function generateMetadata({ params }: { params: Promise<{ clientId: string }> }): Promise<Metadata> {
  return chartMetadata(params, "Edit details");
}

export default async function EditClientPage({ params }: { params: Promise<{ clientId: string }> }) {
  const { chart } = await loadChart(params, "edit");
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
