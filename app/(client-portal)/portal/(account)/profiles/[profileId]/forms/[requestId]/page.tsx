import type { Metadata } from "next";
import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { INTAKE_STATUS_LABELS } from "@/lib/clients/intake-fields";
import { getPortalForm } from "@/lib/client-portal/intake";
import { requireClient } from "@/lib/client-portal/require-client";
import { IntakeFormFields } from "./intake-form";
import { idOrNotFound, orNotFound } from "@/lib/access/or-not-found";

export const metadata: Metadata = { title: "Form" };

export default async function PortalFormPage({ params }: { params: Promise<{ profileId: string; requestId: string }> }) {
  const { profileId, requestId } = await params;
  idOrNotFound(profileId);
  idOrNotFound(requestId);
  const { client } = await requireClient(profileId);
  const form = await orNotFound(getPortalForm(client, { profileId, requestId }));
  return (
    <div className="space-y-4">
      <Link href={`/portal/profiles/${profileId}`} className="text-sm text-slate-600 hover:underline">
        ← Back to the profile
      </Link>
      <Card>
        <CardHeader title={form.formName} description={`For ${form.profileName}`} actions={<Badge tone={form.status === "submitted" ? "success" : "info"}>{form.status === "sent" ? "To complete" : INTAKE_STATUS_LABELS[form.status]}</Badge>} />
        <CardBody>
          {form.canEdit ? (
            <IntakeFormFields profileId={profileId} requestId={requestId} fields={form.fields} answers={form.answers} />
          ) : (
            <>
              <p className="mb-4 text-sm text-slate-600">
                {form.status === "submitted" ? "This form has been submitted and can no longer be changed." : "You can view this profile, but only someone who manages its information can complete forms."}
              </p>
              <dl className="space-y-3">
                {form.fields.map((f) => (
                  <div key={f.id}>
                    <dt className="text-sm font-medium text-slate-600">{f.label}</dt>
                    <dd className="text-sm text-slate-900">{form.answers[f.id] ?? "—"}</dd>
                  </div>
                ))}
              </dl>
            </>
          )}
        </CardBody>
      </Card>
    </div>
  );
}
