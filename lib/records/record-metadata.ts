import "server-only";
import type { Metadata } from "next";
import { findStaff } from "@/lib/auth/staff-actor";
import { getRecordTitle, type TitledRecord } from "./get-record-title";

/**
 * generateMetadata for a record's page: its name in the tab ("Initial assessment — J. Lee ·
 * Carebridge"; with a tab name, "Documents — Jordan Lee"), or "Not found" for a record the
 * person may not see or that does not exist. Never throws: metadata may stream after the page's
 * status is sent, so the page (not this) decides the 404.
 */
export async function recordMetadata(type: TitledRecord, id: string, tab?: string): Promise<Metadata> {
  const found = await findStaff({ activity: false });
  const name = found.actor ? await getRecordTitle(found.actor, type, id) : null;
  if (!name) return { title: "Not found" };
  return { title: tab ? `${tab} — ${name}` : name };
}
