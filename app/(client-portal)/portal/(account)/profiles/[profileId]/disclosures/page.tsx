import type { Metadata } from "next";
import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { buttonClasses } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import { idOrNotFound, orNotFound } from "@/lib/access/or-not-found";
import { getMyDisclosureRecord } from "@/lib/client-portal/disclosure-record";
import { requireClientAccount } from "@/lib/client-portal/require-client";
import { formatDate } from "@/app/(app)/clients/format";

// Neutral words: the login may be the person's own or a parent's.
export const metadata: Metadata = { title: "Who has seen this information" };

export default async function DisclosureRecordPage({ params }: { params: Promise<{ profileId: string }> }) {
  const profileId = idOrNotFound((await params).profileId);
  const client = await requireClientAccount();
  const record = await orNotFound(getMyDisclosureRecord(client, { profileId }), ["not_found"]);
  return (
    <div className="space-y-6">
      <div>
        <Link href={`/portal/profiles/${profileId}`} className="text-sm text-slate-600 hover:underline">
          {record.client.name}
        </Link>
        <h1 className="text-2xl font-semibold tracking-tight text-slate-900">Who has seen this information</h1>
        <p className="mt-1 text-sm text-slate-600">
          {record.clinic.name}, {formatDate(record.period.from)} to {formatDate(record.period.to)}
        </p>
      </div>
      <Card aria-labelledby="shared-title">
        <CardHeader
          id="shared-title"
          title="Documents shared outside the clinic"
          description={`Every document about ${record.client.name} the clinic sent to someone outside it, why, and whether they opened it.`}
          actions={
            <a href={`/portal/profiles/${profileId}/disclosures/pdf`} className={buttonClasses({ variant: "secondary", size: "sm" })} download>
              Download as PDF
            </a>
          }
        />
        <CardBody>
          {record.disclosures.length ? (
            <Table>
              <caption className="sr-only">Documents shared outside the clinic</caption>
              <THead>
                <Tr>
                  <Th>Date</Th>
                  <Th>Recipient</Th>
                  <Th>Document</Th>
                  <Th>Purpose</Th>
                  <Th>Opened</Th>
                </Tr>
              </THead>
              <TBody>
                {record.disclosures.map((d, i) => (
                  <Tr key={i}>
                    <Td className="whitespace-nowrap">{formatDate(d.sharedAt)}</Td>
                    <Td label="Recipient">
                      <div className="font-medium">{d.recipientName}</div>
                      {d.recipientOrganisation ? <div className="text-slate-600">{d.recipientOrganisation}</div> : null}
                    </Td>
                    <Td label="Document">
                      <div>{d.documentTitle}</div>
                      <div className="text-slate-600">{d.documentKindLabel}</div>
                    </Td>
                    <Td label="Purpose">{d.purpose ?? "Not recorded"}</Td>
                    <Td label="Opened">{d.openedAt ? <Badge tone="success">Opened {formatDate(d.openedAt)}</Badge> : <Badge>Not opened</Badge>}</Td>
                  </Tr>
                ))}
              </TBody>
            </Table>
          ) : (
            <p className="text-sm text-slate-600">The clinic has not shared any of your documents outside the clinic.</p>
          )}
        </CardBody>
      </Card>
      {record.staffAccess ? (
        <Card aria-labelledby="staff-title">
          <CardHeader id="staff-title" title="Clinic staff who opened your record" description="By day: who opened your chart or its documents, and their role." />
          <CardBody>
            {record.staffAccess.length ? (
              <Table>
                <caption className="sr-only">Clinic staff who opened your record</caption>
                <THead>
                  <Tr>
                    <Th>Day</Th>
                    <Th>Staff member</Th>
                    <Th>Role</Th>
                  </Tr>
                </THead>
                <TBody>
                  {record.staffAccess.map((s) => (
                    <Tr key={`${s.day}-${s.name}`}>
                      <Td className="whitespace-nowrap">{formatDate(s.day)}</Td>
                      <Td label="Staff member">{s.name}</Td>
                      <Td label="Role">{s.roleName ?? ""}</Td>
                    </Tr>
                  ))}
                </TBody>
              </Table>
            ) : (
              <p className="text-sm text-slate-600">No staff access recorded.</p>
            )}
          </CardBody>
        </Card>
      ) : null}
    </div>
  );
}
