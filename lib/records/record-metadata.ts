import "server-only";
import type { Metadata } from "next";
import type { StaffActor } from "@/lib/access/actor";
import { AppError } from "@/lib/errors";
import { findStaff } from "@/lib/auth/staff-actor";
import { getRecordTitle, type TitledRecord } from "./get-record-title";

/**
 * generateMetadata for a record's page: its name in the tab ("Initial assessment — J. Lee ·
 * Carebridge"; with a tab name, "Documents — Jordan Lee"), or "Not found" for a record the
 * person may not see or that does not exist. Never throws: metadata may stream after the page's
 * status is sent, so the page (not this) decides the 404.
 */
export async function recordMetadata(type: TitledRecord, id: string, tab?: string): Promise<Metadata> {
  return titledMetadata((actor) => getRecordTitle(actor, type, id), tab);
}

/**
 * The same, with the page's own loader naming the record (a page that reads its record through a
 * per-request cache shares that one read with its title). A refusal (AppError) is "Not found".
 */
export async function titledMetadata(nameOf: (actor: StaffActor) => Promise<string | null>, tab?: string): Promise<Metadata> {
  // The same lookup the page's guard makes (activity counted there anyway): one query per request.
  const found = await findStaff({ activity: true });
  let name: string | null = null;
  try {
    name = found.actor ? await nameOf(found.actor) : null;
  } catch (e) {
    if (!(e instanceof AppError)) throw e;
  }
  if (!name) return { title: "Not found" };
  return { title: tab ? `${tab} — ${name}` : name };
}
