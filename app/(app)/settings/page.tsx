import { redirect } from "next/navigation";
import { can } from "@/lib/access/can";
import { requireStaff } from "@/lib/auth/staff-actor";

export default async function SettingsIndex() {
  const actor = await requireStaff();
  // A role that may only read the audit log lands on it; everyone else on Members (the layout guards both).
  redirect(can(actor, "settings:edit") ? "/settings/members" : "/settings/audit-log");
}
