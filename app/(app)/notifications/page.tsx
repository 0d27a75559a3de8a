import type { Metadata } from "next";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { requireStaff } from "@/lib/auth/staff-actor";

export const metadata: Metadata = { title: "Notifications" };

export default async function NotificationsPage() {
  await requireStaff();
  return (
    <>
      <PageHeader title="Notifications" />
      <EmptyState title="You're all caught up" description="When a colleague shares a session or a chart with you, it will appear here." />
    </>
  );
}
