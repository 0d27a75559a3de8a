import type { Metadata } from "next";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { requireStaffWith } from "@/lib/access/require-area";

export const metadata: Metadata = { title: "Contacts" };

export default async function ContactsPage() {
  await requireStaffWith("contacts:view");
  return (
    <>
      <PageHeader title="Contacts" />
      <EmptyState title="Nothing here yet" description="Your clinic's external contacts — GPs, insurers, specialist clinics — will be listed here." />
    </>
  );
}
