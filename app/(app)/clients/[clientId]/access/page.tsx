import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { ALREADY_SEE_EVERY_CHART, listPractitioners } from "@/lib/clients/list-practitioners";
import { ChartHeader } from "../chart-header";
import { loadChart } from "../load-chart";
import { AccessForm } from "./access-form";
import { AccessUntil } from "@/components/access/access-until";
import { AccessEndForm } from "@/components/access/access-end-form";

export const metadata: Metadata = { title: "Manage access" };

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
      {chart.practitioners.length > 0 && (
        <Card className="mt-6 max-w-2xl">
          <CardHeader title="End dates" description="Access can end by itself on a date. You are reminded 3 days before." />
          <CardBody>
            <ul className="divide-y divide-slate-100" aria-label="End dates">
              {chart.practitioners.map((p) => (
                <li key={p.userId} className="space-y-2 py-3" aria-label={p.name}>
                  <p className="text-sm font-medium text-slate-900">
                    {p.name} <AccessUntil expiresAt={p.expiresAt} />
                  </p>
                  <AccessEndForm grant="client_access" ids={{ clientId: chart.client.id, userId: p.userId }} current={p.expiresAt} label={`${p.name}'s access ends`} />
                </li>
              ))}
            </ul>
          </CardBody>
        </Card>
      )}
    </>
  );
}
