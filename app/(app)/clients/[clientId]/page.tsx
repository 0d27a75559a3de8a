import type { Metadata } from "next";
import Link from "next/link";
import { AccessUntil } from "@/components/access/access-until";
import { Alert } from "@/components/ui/alert";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { RELATIONSHIP_LABELS } from "@/lib/clients/schemas";
import { formatDate } from "../format";
import { ChartHeader } from "./chart-header";
import { loadChart } from "./load-chart";

export const metadata: Metadata = { title: "Client chart" };

export default async function ClientOverviewPage({ params, searchParams }: { params: Promise<{ clientId: string }>; searchParams: Promise<{ created?: string; separate?: string; updated?: string }> }) {
  const { chart } = await loadChart(params, "overview");
  const { created, separate, updated } = await searchParams;
  const c = chart.client;
  return (
    <>
      <ChartHeader chart={chart} current="overview" />
      {created ? <Alert tone="success" className="mb-4">The client was created.</Alert> : null}
      {updated ? <Alert tone="success" className="mb-4">The details were saved.</Alert> : null}
      {separate ? (
        <Alert tone="success" className="mb-4" title="Separate profile created">
          This is a new chart for the same person, linked as Self, with its own access list. Invite the person to the portal from the Portal tab if they don&apos;t have a login yet.
        </Alert>
      ) : null}
      <div className="grid gap-6 lg:grid-cols-2">
        <Card>
          <CardHeader
            title="Details"
            actions={chart.abilities.edit ? <Link className="text-sm font-medium text-teal-800 hover:underline" href={`/clients/${c.id}/edit`}>Edit details</Link> : null}
          />
          <CardBody>
            <dl className="grid grid-cols-[10rem_1fr] gap-y-2 text-sm">
              <dt className="text-slate-500">Name</dt>
              <dd>{c.firstName} {c.lastName}</dd>
              <dt className="text-slate-500">Date of birth</dt>
              <dd>{c.dateOfBirth ? formatDate(c.dateOfBirth) : "—"}</dd>
              <dt className="text-slate-500">Email</dt>
              <dd>{c.email ?? "—"}</dd>
              <dt className="text-slate-500">Phone</dt>
              <dd>{c.phone ?? "—"}</dd>
              <dt className="text-slate-500">Address</dt>
              <dd className="whitespace-pre-line">{c.address ?? "—"}</dd>
              <dt className="text-slate-500">Chart created</dt>
              <dd>{formatDate(c.createdAt)}</dd>
            </dl>
          </CardBody>
        </Card>
        <Card>
          <CardHeader
            title="Assigned practitioners"
            actions={chart.abilities.manageAccess ? <Link className="text-sm font-medium text-teal-800 hover:underline" href={`/clients/${c.id}/access`}>Manage access</Link> : null}
          />
          <CardBody>
            {chart.practitioners.length ? (
              <ul className="space-y-1 text-sm" aria-label="Assigned practitioners">
                {chart.practitioners.map((p) => (
                  <li key={p.userId}>
                    {p.name} <AccessUntil expiresAt={p.expiresAt} />
                  </li>
                ))}
              </ul>
            ) : (
              <p className="text-sm text-slate-600">No practitioner has been given access yet.</p>
            )}
          </CardBody>
        </Card>
        {chart.linkedProfiles.length > 0 ? (
          <Card className="lg:col-span-2">
            <CardHeader title="Linked profiles" description="Each profile is a separate chart with its own access list." />
            <CardBody>
              <ul className="space-y-2 text-sm" aria-label="Linked profiles">
                {chart.linkedProfiles.map((p, i) => (
                  <li key={p.visible ? p.id : `hidden-${i}`}>
                    <span className="font-medium">{RELATIONSHIP_LABELS[p.relationship]}</span>
                    {" — "}
                    {p.visible ? (
                      <Link className="text-teal-800 hover:underline" href={`/clients/${p.id}`}>
                        {p.name}
                      </Link>
                    ) : (
                      <span className="text-slate-600">a linked profile you don&apos;t have access to</span>
                    )}
                  </li>
                ))}
              </ul>
            </CardBody>
          </Card>
        ) : null}
      </div>
    </>
  );
}
