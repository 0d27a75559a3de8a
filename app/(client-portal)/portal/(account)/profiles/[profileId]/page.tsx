import type { Metadata } from "next";
import { formatDate } from "@/lib/format/dates";
import Link from "next/link";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { INTAKE_STATUS_LABELS } from "@/lib/clients/intake-fields";
import { listProfileForms } from "@/lib/client-portal/portal-profiles";
import { requireClient } from "@/lib/client-portal/require-client";
import { idOrNotFound } from "@/lib/access/or-not-found";

export const metadata: Metadata = { title: "Profile" };


export default async function PortalProfilePage({ params, searchParams }: { params: Promise<{ profileId: string }>; searchParams: Promise<{ submitted?: string }> }) {
  const profileId = idOrNotFound((await params).profileId);
  const { profile } = await requireClient(profileId);
  const forms = await listProfileForms(profile.clientId);
  const { submitted } = await searchParams;
  return (
    <div className="space-y-6">
      {submitted ? <Alert tone="success">Thank you. Your form was sent to the clinic.</Alert> : null}
      <h1 className="text-2xl font-semibold tracking-tight text-slate-900">
        {profile.firstName} {profile.lastName}
      </h1>
      <Card>
        <CardHeader title="Details" description={profile.organisationName} />
        <CardBody>
          <dl className="grid grid-cols-[9rem_1fr] gap-y-2 text-sm">
            <dt className="text-slate-500">Name</dt>
            <dd>{profile.firstName} {profile.lastName}</dd>
            <dt className="text-slate-500">Date of birth</dt>
            <dd>{profile.dateOfBirth ? formatDate(profile.dateOfBirth) : "—"}</dd>
            <dt className="text-slate-500">Email</dt>
            <dd>{profile.email ?? "—"}</dd>
            <dt className="text-slate-500">Phone</dt>
            <dd>{profile.phone ?? "—"}</dd>
          </dl>
        </CardBody>
      </Card>
      <Card>
        <CardHeader
          title="Who has seen this information"
          description={`The documents about ${profile.firstName} ${profile.lastName} the clinic shared outside it, with whom and why — also as a PDF.`}
          actions={
            <Link href={`/portal/profiles/${profile.clientId}/disclosures`} className="text-sm font-medium text-teal-800 hover:underline">
              See the record
            </Link>
          }
        />
      </Card>
      <Card>
        <CardHeader title="Forms from your clinic" />
        <CardBody>
          {forms.length === 0 ? (
            <p className="text-sm text-slate-600">No forms to complete.</p>
          ) : (
            <ul className="divide-y divide-slate-100" aria-label="Forms">
              {forms.map((f) => (
                <li key={f.id} className="flex flex-wrap items-center justify-between gap-3 py-3">
                  <div>
                    <Link href={`/portal/profiles/${profile.clientId}/forms/${f.id}`} className="font-medium text-teal-800 hover:underline">
                      {f.formName}
                    </Link>
                    <p className="text-sm text-slate-500">Sent {formatDate(f.sentAt)}</p>
                  </div>
                  <Badge tone={f.status === "submitted" ? "success" : f.status === "draft" ? "warning" : "info"}>{f.status === "sent" ? "To complete" : INTAKE_STATUS_LABELS[f.status]}</Badge>
                </li>
              ))}
            </ul>
          )}
        </CardBody>
      </Card>
    </div>
  );
}
