import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Card, CardBody } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { roleAllowsClient } from "@/lib/access/clients";
import { requireStaffWith } from "@/lib/access/require-area";
import { ALREADY_SEE_EVERY_CHART, listPractitioners } from "@/lib/clients/list-practitioners";
import { NewClientForm } from "./new-client-form";

export const metadata: Metadata = { title: "New client" };

export default async function NewClientPage() {
  const actor = await requireStaffWith("patients:edit");
  if (!roleAllowsClient(actor, "client:create")) notFound();
  const practitioners = await listPractitioners(actor);
  return (
    <>
      <PageHeader
        eyebrow={<Link href="/clients" className="hover:underline">Clients</Link>}
        title="New client"
        description="Individual: one person, one chart. Assign the first practitioner who may see it."
      />
      <Card className="max-w-2xl">
        <CardBody>
          <NewClientForm hint={ALREADY_SEE_EVERY_CHART} practitioners={practitioners.map((p) => ({ id: p.userId, name: `${p.name} (${p.roleName})` }))} />
        </CardBody>
      </Card>
    </>
  );
}
