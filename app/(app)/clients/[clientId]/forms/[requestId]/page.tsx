import type { Metadata } from "next";
import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { getIntakeAnswers } from "@/lib/clients/get-intake-answers";
import { INTAKE_STATUS_LABELS } from "@/lib/clients/intake-fields";
import { formatDate, formatDateTime } from "@/lib/format/dates";
import { ChartHeader } from "../../chart-header";
import { chartMetadata, loadChart } from "../../load-chart";
import { idOrNotFound, orNotFound } from "@/lib/access/or-not-found";

export async function generateMetadata({ params }: { params: Promise<{ clientId: string }> }): Promise<Metadata> {
  return chartMetadata(params, "Form");
}

export default async function IntakeAnswersPage({ params }: { params: Promise<{ clientId: string; requestId: string }> }) {
  const { actor, chart } = await loadChart(params, "form");
  const requestId = idOrNotFound((await params).requestId);
  const form = await orNotFound(getIntakeAnswers(actor, { clientId: chart.client.id, requestId }));
  return (
    <>
      <ChartHeader chart={chart} current="portal" />
      <Card className="max-w-3xl">
        <CardHeader
          title={form.formName}
          description={`Sent by ${form.sentByName} on ${formatDateTime(form.sentAt)}${form.submittedAt ? ` · submitted ${formatDateTime(form.submittedAt)}` : ""}`}
          actions={<Badge tone={form.status === "submitted" ? "success" : "info"}>{INTAKE_STATUS_LABELS[form.status]}</Badge>}
        />
        <CardBody>
          {form.answers ? (
            <dl className="space-y-4" aria-label="Answers">
              {form.fields.map((f) => (
                <div key={f.id}>
                  <dt className="text-sm font-medium text-slate-600">{f.label}</dt>
                  <dd className="mt-0.5 text-sm whitespace-pre-wrap text-slate-900">
                    {form.answers?.[f.id] ? (f.type === "date" ? formatDate(form.answers[f.id]!) : form.answers[f.id]) : <span className="text-slate-600 italic">No answer</span>}
                  </dd>
                </div>
              ))}
            </dl>
          ) : (
            <p className="text-sm text-slate-600">The client hasn&apos;t submitted this form yet. Answers appear here once they do; the submitted form is read-only.</p>
          )}
          <Link href={`/clients/${chart.client.id}/portal`} className="mt-6 inline-block text-sm font-medium text-teal-800 hover:underline">
            Back to the Portal tab
          </Link>
        </CardBody>
      </Card>
    </>
  );
}
