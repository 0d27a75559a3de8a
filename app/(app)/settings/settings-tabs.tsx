"use client";

import { usePathname } from "next/navigation";
import { TabStrip } from "@/components/ui/tab-strip";

const TABS = [
  { href: "/settings/members", label: "Members", needs: "admin" },
  { href: "/settings/teams", label: "Teams", needs: "admin" },
  { href: "/settings/roles", label: "Roles", needs: "admin" },
  { href: "/settings/sharing", label: "Sharing", needs: "admin" },
  { href: "/settings/security", label: "Security", needs: "admin" },
  { href: "/settings/messages", label: "Messages", needs: "admin" },
  { href: "/settings/audit-log", label: "Audit log", needs: "auditLog" },
  { href: "/settings/audit-log/emergency", label: "Emergency access", needs: "admin" },
] as const;

/** The tabs the person's role opens (each page checks its own permission again on the server). */
export function SettingsTabs(allowed: { admin: boolean; auditLog: boolean }) {
  const pathname = usePathname();
  // The longest tab the path is under: Emergency access lives under Audit log's path.
  const current = TABS.filter((t) => pathname === t.href || pathname.startsWith(t.href + "/")).sort((a, b) => b.href.length - a.href.length)[0]?.href;
  const tabs = TABS.filter((tab) => allowed[tab.needs]).map((tab) => ({ href: tab.href, label: tab.label, current: tab.href === current }));
  return <TabStrip label="Settings sections" tabs={tabs} />;
}
