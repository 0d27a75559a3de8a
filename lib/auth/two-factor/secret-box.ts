import "server-only";
import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";
import { derivedKey } from "@/lib/security/derived-keys";

/**
 * Authenticator secrets at rest: AES-256-GCM under a key derived from AUTH_SECRET for this purpose
 * only, bound to the person (additional data = user id) so a ciphertext copied onto another
 * person's row does not decrypt. A database dump alone therefore yields no usable secret.
 * Changing AUTH_SECRET makes stored secrets unreadable: everyone would set up two-factor again.
 */
const VERSION = "v1";

export function sealSecret(secret: string, userId: string, key = derivedKey("twoFactorSecret")): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key, iv);
  cipher.setAAD(Buffer.from(userId, "utf8"));
  const body = Buffer.concat([cipher.update(secret, "utf8"), cipher.final()]);
  return [VERSION, iv.toString("base64url"), cipher.getAuthTag().toString("base64url"), body.toString("base64url")].join(".");
}

export function openSecret(sealed: string, userId: string, key = derivedKey("twoFactorSecret")): string {
  const [version, iv, tag, body] = sealed.split(".");
  if (version !== VERSION || !iv || !tag || !body) throw new Error("Unreadable two-factor secret");
  const decipher = createDecipheriv("aes-256-gcm", key, Buffer.from(iv, "base64url"));
  decipher.setAAD(Buffer.from(userId, "utf8"));
  decipher.setAuthTag(Buffer.from(tag, "base64url"));
  return Buffer.concat([decipher.update(Buffer.from(body, "base64url")), decipher.final()]).toString("utf8");
}
