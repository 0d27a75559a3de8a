import type { Metadata } from "next";
import Link from "next/link";
import { formatDateTime } from "@/components/sessions/session-badges";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import { requireStaffWith } from "@/lib/access/require-area";
import { listEmergencyAccess, type EmergencyGrantRow, type EmergencyGrantState } from "@/lib/emergency-access/list-emergency-access";
import { EndNowForm, ReviewForm } from "./review-forms";

export const metadata: Metadata = { title: "Emergency access to review" };

const STATE: Record<EmergencyGrantState, { label: string; tone: BadgeTone }> = {
  active: { label: "Active", tone: "warning" },
  ended_early: { label: "Ended early", tone: "neutral" },
  expired: { label: "Ended", tone: "neutral" },
};

function RecordName({ record }: { record: EmergencyGrantRow["record"] }) {
  if (record.kind === "client") {
    return (
      <Link href={`/clients/${record.id}`} className="text-teal-800 hover:underline">
        Chart of {record.label}
      </Link>
    );
  }
  return <span>Session “{record.label}”</span>;
}

function Period({ g }: { g: EmergencyGrantRow }) {
  return (
    <>
      From {formatDateTime(g.createdAt)}{" "}
      {g.endedAt ? `to ${formatDateTime(g.endedAt)} (ended early by ${g.endedByName ?? "an admin"})` : `${g.state === "active" ? "until" : "to"} ${formatDateTime(g.expiresAt)}`}
    </>
  );
}

/** Settings → Audit log → Emergency access to review: each use of "break the glass", its reason, and the admins' review. */
export default async function EmergencyAccessReviewPage() {
  const actor = await requireStaffWith("settings:edit");
  const { toReview, reviewed } = await listEmergencyAccess(actor);
  return (
    <div className="space-y-6">
      <Card>
        <CardHeader
          title="Emergency access to review"
          description="Each time someone opened a chart or session they had no access to, with the reason they gave. Check each use with the person if needed, then mark it reviewed with a note. The length of emergency access and whether it is allowed at all are in Settings → Security."
        />
        <CardBody>
          {toReview.length === 0 ? (
            <EmptyState title="Nothing to review" description="Uses of emergency access will appear here as soon as they happen. Every admin is also told in the app and by email." />
          ) : (
            <ul className="divide-y divide-slate-200" aria-label="Emergency access to review">
              {toReview.map((g) => (
                <li key={g.id} className="grid gap-4 py-4 first:pt-0 last:pb-0 lg:grid-cols-2">
                  <div className="space-y-1 text-sm">
                    <p className="flex flex-wrap items-center gap-2">
                      <span className="font-medium text-slate-900">{g.holderName}</span>
                      <span className="text-slate-600">opened</span>
                      <RecordName record={g.record} />
                      <Badge tone={STATE[g.state].tone}>{STATE[g.state].label}</Badge>
                    </p>
                    <p className="text-slate-600">
                      <Period g={g} />
                    </p>
                    <blockquote className="border-l-4 border-amber-300 pl-3 whitespace-pre-line text-slate-800">{g.reason}</blockquote>
                    {g.state === "active" ? <EndNowForm grantId={g.id} holderName={g.holderName} /> : null}
                  </div>
                  <ReviewForm grantId={g.id} holderName={g.holderName} />
                </li>
              ))}
            </ul>
          )}
        </CardBody>
      </Card>
      {reviewed.length > 0 ? (
        <Card>
          <CardHeader title="Reviewed" description="The latest reviewed uses, newest review first." />
          <Table>
            <caption className="sr-only">Reviewed emergency access</caption>
            <THead>
              <Tr>
                <Th>Who</Th>
                <Th>Record</Th>
                <Th>When</Th>
                <Th>Reason</Th>
                <Th>Review</Th>
              </Tr>
            </THead>
            <TBody>
              {reviewed.map((g) => (
                <Tr key={g.id}>
                  <Td>{g.holderName}</Td>
                  <Td label="Record">
                    <RecordName record={g.record} />
                  </Td>
                  <Td label="When">
                    <Period g={g} />
                  </Td>
                  <Td label="Reason" className="whitespace-pre-line">{g.reason}</Td>
                  <Td label="Review">
                    <span className="block whitespace-pre-line">{g.review!.note}</span>
                    <span className="text-xs text-slate-600">
                      {g.review!.byName}, {formatDateTime(g.review!.at)}
                    </span>
                  </Td>
                </Tr>
              ))}
            </TBody>
          </Table>
        </Card>
      ) : null}
    </div>
  );
}
