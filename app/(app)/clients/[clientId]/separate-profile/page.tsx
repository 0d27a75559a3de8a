import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { ALREADY_SEE_EVERY_CHART, listPractitioners } from "@/lib/clients/list-practitioners";
import { ChartHeader } from "../chart-header";
import { chartMetadata, loadChart } from "../load-chart";
import { SeparateProfileForm } from "./separate-profile-form";

export async function generateMetadata({ params }: { params: Promise<{ clientId: string }> }): Promise<Metadata> {
  return chartMetadata(params, "Separate profile");
}

export default async function SeparateProfilePage({ params }: { params: Promise<{ clientId: string }> }) {
  const { actor, chart } = await loadChart(params, "separate_profile");
  if (!chart.abilities.createProfile) notFound();
  const practitioners = await listPractitioners(actor);
  const name = `${chart.client.firstName} ${chart.client.lastName}`;
  return (
    <>
      <ChartHeader chart={chart} current={null} />
      <Card className="max-w-2xl">
        <CardHeader title="Create a separate profile for this person" description="For privacy or a different discipline: a second chart with its own practitioners, reachable from the same portal login." />
        <CardBody className="space-y-4">
          <ul className="list-disc space-y-1 pl-5 text-sm text-slate-700">
            <li>A new profile named {name}, with no email address.</li>
            <li>{name} (this profile) is added as its contact, relationship Self, who can manage information.</li>
            <li>Only the practitioner you choose can open the new chart. People on this chart&apos;s list see only that a linked profile exists.</li>
            <li>If {name} already has a portal login, the new profile is added to it.</li>
          </ul>
          <SeparateProfileForm hint={ALREADY_SEE_EVERY_CHART} clientId={chart.client.id} practitioners={practitioners.map((p) => ({ id: p.userId, name: `${p.name} (${p.roleName})` }))} />
        </CardBody>
      </Card>
    </>
  );
}
