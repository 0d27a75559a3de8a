import "server-only";
import { eq } from "drizzle-orm";
import QRCode from "qrcode";
import { getDb } from "@/db/client";
import { staffTwoFactor } from "@/db/schema";
import type { StaffActor } from "@/lib/access/actor";
import { authenticatorUri, groupSecret, newAuthenticatorSecret } from "./codes";
import { openSecret, sealSecret } from "./secret-box";

export type TwoFactorSetup = { status: "enabled" } | { status: "setting_up"; secret: string; qrCodeDataUrl: string };

/**
 * The set-up screen: a new authenticator secret for the person (kept until confirmed with a first
 * code, so reloading the page shows the same QR code), as a QR code and as text to type in. The QR
 * code is an SVG data URL, which the Content-Security-Policy's img-src allows. Someone with two-factor
 * on already gets nothing: a new secret would replace theirs only by turning it off first.
 */
export async function startTwoFactorSetup(actor: StaffActor): Promise<TwoFactorSetup> {
  const db = await getDb();
  const secret = await db.transaction(async (tx) => {
    const [row] = await tx.select().from(staffTwoFactor).where(eq(staffTwoFactor.userId, actor.userId)).for("update");
    if (row?.enabledAt) return null;
    if (row) return openSecret(row.secretCiphertext, actor.userId);
    const fresh = newAuthenticatorSecret();
    await tx.insert(staffTwoFactor).values({ userId: actor.userId, secretCiphertext: sealSecret(fresh, actor.userId) }).onConflictDoNothing();
    return fresh;
  });
  if (!secret) return { status: "enabled" };
  const svg = await QRCode.toString(authenticatorUri(secret, actor.email), { type: "svg", margin: 1, errorCorrectionLevel: "M" });
  return { status: "setting_up", secret: groupSecret(secret), qrCodeDataUrl: `data:image/svg+xml;base64,${Buffer.from(svg).toString("base64")}` };
}
