import { notFound } from "next/navigation";
import { PageHeader } from "@/components/ui/page-header";
import { canOpenSettings, canReadAuditLog } from "@/lib/access/audit-log";
import { auditRefusal, can } from "@/lib/access/can";
import { requireStaff } from "@/lib/auth/staff-actor";
import { SettingsTabs } from "./settings-tabs";

export default async function SettingsLayout({ children }: { children: React.ReactNode }) {
  // Each page checks its own permission too; this only decides who sees the Settings frame.
  const actor = await requireStaff();
  if (!canOpenSettings(actor)) {
    await auditRefusal(actor, "settings:edit | auditLog");
    notFound();
  }
  return (
    <>
      <PageHeader title="Settings" description="Members, teams, roles, document sharing, undelivered messages and the audit log of your organisation." />
      <SettingsTabs admin={can(actor, "settings:edit")} auditLog={canReadAuditLog(actor)} />
      <div className="mt-6">{children}</div>
    </>
  );
}
