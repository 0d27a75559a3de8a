import { PageHeader } from "@/components/ui/page-header";
import { requireStaffWith } from "@/lib/access/require-area";
import { SettingsTabs } from "./settings-tabs";

export default async function SettingsLayout({ children }: { children: React.ReactNode }) {
  await requireStaffWith("settings:edit");
  return (
    <>
      <PageHeader title="Settings" description="Members, teams, roles, document sharing and undelivered messages of your organisation." />
      <SettingsTabs />
      <div className="mt-6">{children}</div>
    </>
  );
}
