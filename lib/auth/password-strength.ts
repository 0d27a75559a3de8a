import "server-only";
import type { ZxcvbnFactory } from "@zxcvbn-ts/core";
import { AppError } from "@/lib/errors";
import { MIN_PASSWORD_LENGTH } from "./password-rules";

/**
 * New passwords, as NIST SP 800-63B asks: at least MIN_PASSWORD_LENGTH characters, not a common
 * or easily guessed password, and not built from the person's own name or email. No composition
 * rules (no "one capital, one digit"): length and a dictionary check protect better.
 *
 * zxcvbn-ts with its common dictionaries (passwords, names, words, keyboard patterns, l33t) scores
 * the password; the person's name and email are added as extra dictionary words. A score of 3
 * ("safely unguessable") or more passes.
 */
export type PasswordProblem = "too_short" | "too_common" | "personal";

const MIN_SCORE = 3;

// The dictionaries are a few MB: loaded once per process, on the first password check.
let checker: Promise<ZxcvbnFactory> | undefined;
function getChecker(): Promise<ZxcvbnFactory> {
  checker ??= (async () => {
    const [{ ZxcvbnFactory }, common] = await Promise.all([import("@zxcvbn-ts/core"), import("@zxcvbn-ts/language-common")]);
    // No Levenshtein matching: it costs up to a second of CPU per check, and the dictionary with
    // l33t and reversed-word matching already catches near-misses such as "passw0rd12".
    return new ZxcvbnFactory({ dictionary: { ...common.dictionary }, graphs: common.adjacencyGraphs, useLevenshteinDistance: false });
  })();
  return checker;
}

/** The person's own words: name parts, the email and its parts (lower-case, as zxcvbn compares). */
function personalWords(person: { name?: string | null; email?: string | null }): string[] {
  const words = new Set<string>();
  for (const part of (person.name ?? "").toLowerCase().split(/[^\p{L}\p{N}]+/u)) if (part.length >= 3) words.add(part);
  const email = (person.email ?? "").toLowerCase().trim();
  if (email) {
    words.add(email);
    for (const part of email.split(/[^\p{L}\p{N}]+/u)) if (part.length >= 3) words.add(part);
  }
  return [...words];
}

/** Null when the password may be used; otherwise why not. */
export async function checkNewPassword(password: string, person: { name?: string | null; email?: string | null } = {}): Promise<PasswordProblem | null> {
  if (password.length < MIN_PASSWORD_LENGTH) return "too_short";
  const words = personalWords(person);
  // Little left once the person's name and email are taken out ("mayapatel2024", "jordan.quinn99").
  let rest = password.toLowerCase();
  for (const w of [...words].sort((a, b) => b.length - a.length)) rest = rest.split(w).join("");
  if (rest.length < password.length && rest.replace(/[^\p{L}\p{N}]/gu, "").length < 5) return "personal";
  const result = (await getChecker()).check(password, words);
  if (result.score >= MIN_SCORE) return null;
  // Weak, and the person's own words are part of why.
  return result.sequence.some((m) => m.pattern === "dictionary" && m.dictionaryName === "userInputs") ? "personal" : "too_common";
}

/** For domain functions that set a password: throws a field error (`password`) the form shows. */
export async function assertNewPasswordAllowed(password: string, person: { name?: string | null; email?: string | null }, field = "password"): Promise<void> {
  const problem = await checkNewPassword(password, person);
  if (problem === "personal") throw new AppError("password_personal", { field });
  if (problem) throw new AppError("password_too_common", { field });
}
