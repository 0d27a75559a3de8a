import type { Metadata } from "next";
import Link from "next/link";
import { Card, CardBody } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { requireStaffWith } from "@/lib/access/require-area";
import { ContactForm } from "../contact-forms";

export const metadata: Metadata = { title: "New contact" };

export default async function NewContactPage() {
  await requireStaffWith("contacts:edit");
  return (
    <>
      <PageHeader eyebrow={<Link href="/contacts" className="hover:underline">Contacts</Link>} title="New contact" />
      <Card className="max-w-3xl">
        <CardBody>
          <ContactForm />
        </CardBody>
      </Card>
    </>
  );
}
