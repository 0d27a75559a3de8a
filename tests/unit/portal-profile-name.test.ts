import { describe, expect, it } from "vitest";
import { portalProfileName } from "@/lib/client-portal/profile-name";

const p = (firstName: string, lastName: string, profileLabel: string | null = null) => ({ firstName, lastName, profileLabel });

describe("how the client portal names a login's profiles", () => {
  it("names each person: a parent's login tells their child's profile from their own", () => {
    const family = [p("Oliver", "Grant"), p("Rachel", "Grant")];
    expect(family.map((x, i) => portalProfileName(x, i, family))).toEqual([
      { name: "Oliver Grant", detail: null },
      { name: "Rachel Grant", detail: null },
    ]);
  });

  it("tells apart two profiles of one person by the clinic's label, else by number", () => {
    const jordan = [p("Jordan", "Lee"), p("Mia", "Lee"), p("Jordan", "Lee")];
    expect(jordan.map((x, i) => portalProfileName(x, i, jordan).detail)).toEqual(["Profile 1", null, "Profile 2"]);
    const labelled = [p("Jordan", "Lee", "Psychology"), p("Jordan", "Lee", "Physiotherapy")];
    expect(labelled.map((x, i) => portalProfileName(x, i, labelled))).toEqual([
      { name: "Jordan Lee", detail: "Psychology" },
      { name: "Jordan Lee", detail: "Physiotherapy" },
    ]);
  });
});
