import { NextResponse } from "next/server";
import { findStaff } from "@/lib/auth/staff-actor";

const headers = { "Cache-Control": "private, no-store" };

/**
 * The idle warning's questions. GET reads how long the current sign-in has left without counting
 * as activity (another tab may have been busy); POST is "Stay signed in" and counts as activity.
 * A sign-in that has ended answers 401, with `idleMinutes` when it was the automatic logoff.
 */
async function answer(activity: boolean) {
  const found = await findStaff({ activity });
  if (!found.actor?.authSession) {
    const idleMinutes = found.actor === null && found.reason === "idle" ? found.idleMinutes : null;
    return NextResponse.json({ error: "unauthenticated", idleMinutes }, { status: 401, headers });
  }
  const { idleTimeoutMinutes, lastActiveAt } = found.actor.authSession;
  return NextResponse.json({ idleTimeoutMinutes, lastActiveAt: lastActiveAt.toISOString(), now: new Date().toISOString() }, { headers });
}

export function GET() {
  return answer(false);
}

export function POST() {
  return answer(true);
}
