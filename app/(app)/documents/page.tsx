import type { Metadata } from "next";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { requireStaffWith } from "@/lib/access/require-area";

export const metadata: Metadata = { title: "Documents" };

export default async function DocumentsPage() {
  await requireStaffWith("letters:view", "patients:view", "labs:view", "invoices:view");
  return (
    <>
      <PageHeader title="Documents" />
      <EmptyState title="Nothing here yet" description="Letters, prescriptions, documents, lab results and invoices will be listed here." />
    </>
  );
}
