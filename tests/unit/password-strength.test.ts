import { beforeAll, describe, expect, it } from "vitest";
import { assertNewPasswordAllowed, checkNewPassword } from "@/lib/auth/password-strength";

const maya = { name: "Dr Maya Patel", email: "maya.patel@harbour.test" };

describe("new passwords (NIST 800-63B)", () => {
  // The dictionaries load once per process, on first use: pay that here, not in a test's timeout.
  beforeAll(() => checkNewPassword("warm up the dictionaries"), 60_000);

  it("refuses passwords shorter than 10 characters", async () => {
    expect(await checkNewPassword("Zq8!vR2#k")).toBe("too_short");
  });

  it("refuses common passwords of 10 characters or more, password12 among them", async () => {
    for (const p of ["password12", "1234567890", "qwertyuiop", "iloveyou12", "Password1!", "sunshine99", "password123456", "passw0rd12", "p4ssword12"]) expect(await checkNewPassword(p), p).toBe("too_common");
  });

  it("refuses passwords built from the person's own name or email", async () => {
    for (const p of ["mayapatel2024", "maya.patel@harbour.test", "harbour.maya1"]) expect(await checkNewPassword(p, maya), p).toBe("personal");
    expect(await checkNewPassword("jordanquinn99", { name: "Jordan Quinn", email: "jq@example.test" })).toBe("personal");
    // A name inside a longer, otherwise uncommon password is allowed (NIST: no composition games either way).
    expect(await checkNewPassword("rosa-password-1", { name: "Dr Rosa Diaz", email: "rosa@harbour.test" })).toBeNull();
    // The same password is fine for someone else.
    expect(await checkNewPassword("mayapatel2024", { name: "Leo Chen", email: "leo@harbour.test" })).toBeNull();
  });

  it("accepts long uncommon passwords without any composition rule", async () => {
    for (const p of ["correct horse battery staple", "carebridge-demo", "rosa-password-1", "tangerine kettle orbit", "lowercase only passphrase"]) expect(await checkNewPassword(p, maya), p).toBeNull();
  });

  it("turns a refusal into a field error the form shows next to the password", async () => {
    await expect(assertNewPasswordAllowed("password12", maya)).rejects.toMatchObject({ code: "password_too_common", details: { field: "password" } });
    await expect(assertNewPasswordAllowed("mayapatel2024", maya)).rejects.toMatchObject({ code: "password_personal", details: { field: "password" } });
    await expect(assertNewPasswordAllowed("tangerine kettle orbit", maya)).resolves.toBeUndefined();
  });
});
