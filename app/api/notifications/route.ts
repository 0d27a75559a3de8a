import { NextResponse } from "next/server";
import { getStaffOrThrow } from "@/lib/auth/staff-actor";
import { AppError } from "@/lib/errors";
import { errorForLog } from "@/lib/log/safe-error";
import { getBellSummary } from "@/lib/notifications/get-bell-summary";
import { toNotificationJson } from "@/lib/notifications/notification-dto";
import type { NotificationSummary } from "@/lib/notifications/types";

// Personal data: never stored by the browser or a proxy.
const headers = { "Cache-Control": "private, no-store" };

/** The bell's poll: the actor's unread count and latest notifications. */
export async function GET() {
  try {
    // A background poll is not the person being active: it must not hold off the idle logoff.
    const actor = await getStaffOrThrow({ activity: false });
    const { items, unread } = await getBellSummary(actor);
    const body: NotificationSummary = { unread, latest: items.map(toNotificationJson) };
    return NextResponse.json(body, { headers });
  } catch (e) {
    if (e instanceof AppError && e.code === "unauthenticated") return NextResponse.json({ error: "unauthenticated" }, { status: 401, headers });
    console.error("Unexpected error loading notifications", errorForLog(e));
    return NextResponse.json({ error: "unexpected" }, { status: 500, headers });
  }
}
