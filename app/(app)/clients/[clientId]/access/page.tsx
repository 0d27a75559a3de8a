import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { ALREADY_SEE_EVERY_CHART, listPractitioners } from "@/lib/clients/list-practitioners";
import { ChartHeader } from "../chart-header";
import { chartMetadata, loadChart } from "../load-chart";
import { AccessForm } from "./access-form";

export async function generateMetadata({ params }: { params: Promise<{ clientId: string }> }): Promise<Metadata> {
  return chartMetadata(params, "Access");
}

export default async function ManageAccessPage({ params }: { params: Promise<{ clientId: string }> }) {
  const { actor, chart } = await loadChart(params, "access");
  if (!chart.abilities.manageAccess) notFound();
  const practitioners = await listPractitioners(actor);
  const current = new Set(chart.practitioners.map((p) => p.userId));
  return (
    <>
      <ChartHeader chart={chart} current={null} />
      <Card className="max-w-2xl">
        <CardHeader
          title="Manage access"
          description="Tick the practitioners who may open this chart. Removing someone ends their access at their next request."
        />
        <CardBody>
          <AccessForm hint={ALREADY_SEE_EVERY_CHART} clientId={chart.client.id} practitioners={practitioners.map((p) => ({ id: p.userId, name: p.name, hint: p.roleName, checked: current.has(p.userId) }))} />
        </CardBody>
      </Card>
    </>
  );
}
