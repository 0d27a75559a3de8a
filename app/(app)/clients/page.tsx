import type { Metadata } from "next";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { requireStaffWith } from "@/lib/access/require-area";

export const metadata: Metadata = { title: "Clients" };

export default async function ClientsPage() {
  await requireStaffWith("patients:view");
  return (
    <>
      <PageHeader title="Clients" />
      <EmptyState title="Nothing here yet" description="Client charts you may see will be listed here." />
    </>
  );
}
