import type { Metadata } from "next";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { requireStaffWith } from "@/lib/access/require-area";

export const metadata: Metadata = { title: "Sessions" };

export default async function SessionsPage() {
  await requireStaffWith("sessions:view");
  return (
    <>
      <PageHeader title="Sessions" />
      <EmptyState title="Nothing here yet" description="Clinical sessions you own, that colleagues share with you, and your teams' sessions will be listed here." />
    </>
  );
}
