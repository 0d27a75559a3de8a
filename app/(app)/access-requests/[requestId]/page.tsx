import type { Metadata } from "next";
import Link from "next/link";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { idOrNotFound, orNotFound } from "@/lib/access/or-not-found";
import { getAccessRequest, type AccessRequestView } from "@/lib/access-requests/get-access-request";
import { answerLevelLabel } from "@/lib/access-requests/labels";
import { formatClinicDate } from "@/lib/access-ends/end-date";
import { requireStaff } from "@/lib/auth/staff-actor";
import { AnswerForms } from "./answer-forms";

export const metadata: Metadata = { title: "Access request" };

/** What happened to an answered or expired request; also what the person who just answered sees (the page re-renders). */
function stateText(request: AccessRequestView): string {
  if (request.state === "expired") return "This request is more than 14 days old and has expired. They can ask again.";
  const a = request.answer;
  const by = a?.byName ? ` by ${a.byName}` : "";
  const on = a?.at ? ` on ${formatClinicDate(a.at)}` : "";
  const given = request.state === "approved" && a?.given ? ` ${a.given}` : "";
  return `This request was ${request.state}${given}${by}${on}. They have been told.`;
}

/**
 * Where the access-request email's buttons lead. Opening it (a GET, as mail scanners do) never
 * answers: the chosen answer is only highlighted, and the person confirms with a button.
 */
export default async function AccessRequestPage({ params, searchParams }: { params: Promise<{ requestId: string }>; searchParams: Promise<{ answer?: string }> }) {
  const actor = await requireStaff();
  const requestId = idOrNotFound((await params).requestId);
  const request = await orNotFound(getAccessRequest(actor, requestId), ["not_found", "forbidden"]);
  const chosen = (await searchParams).answer;
  return (
    <Card className="max-w-2xl">
      <CardHeader title="Access request" description={`Sent on ${formatClinicDate(request.requestedAt)}`} />
      <CardBody className="space-y-4">
        <p className="text-sm text-slate-800">
          <span className="font-medium">{request.requesterName}</span> ({request.requesterEmail}) asked for access to{" "}
          <Link href={request.link} className="font-medium text-teal-800 underline">
            {request.what}
          </Link>
          {request.level ? ` at ${answerLevelLabel(request.level)}` : ""}.
        </p>
        {request.message && (
          <blockquote className="border-l-4 border-slate-200 pl-3 text-sm whitespace-pre-line text-slate-700">{request.message}</blockquote>
        )}
        {request.state === "pending" ? (
          <AnswerForms requestId={request.id} targetType={request.targetType} chosen={chosen} />
        ) : (
          <p role="status" className="text-sm text-slate-700">
            {stateText(request)}
          </p>
        )}
      </CardBody>
    </Card>
  );
}
