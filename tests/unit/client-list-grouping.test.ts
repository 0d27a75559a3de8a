import { describe, expect, it } from "vitest";
import { groupProfiles, type ClientListItem } from "@/lib/clients/list-clients";

const chart = (id: string, lastName = "Lee"): ClientListItem => ({
  id,
  firstName: "Jordan",
  lastName,
  dateOfBirth: null,
  email: null,
  practitioners: [],
  profileLabel: null,
  profileOf: null,
});

describe("the client list groups a person's separate profiles", () => {
  it("moves a separate profile up under the person's original profile and says whose it is", () => {
    const items = [chart("a"), chart("other", "Lee"), chart("b"), chart("z", "Zed")];
    const grouped = groupProfiles(items, [{ clientId: "b", linkedClientId: "a" }]);
    expect(grouped.map((c) => [c.id, c.profileOf])).toEqual([
      ["a", null],
      ["b", "a"],
      ["other", null],
      ["z", null],
    ]);
  });

  it("leads with the original profile even when a separate one is listed first, following chains of links", () => {
    const grouped = groupProfiles([chart("c"), chart("other"), chart("a"), chart("b")], [
      { clientId: "b", linkedClientId: "a" },
      { clientId: "c", linkedClientId: "b" },
    ]);
    expect(grouped.map((c) => [c.id, c.profileOf])).toEqual([
      ["a", null],
      ["c", "a"],
      ["b", "a"],
      ["other", null],
    ]);
  });

  it("ignores links to charts that are not on the page (never hinting at a hidden profile)", () => {
    const grouped = groupProfiles([chart("a"), chart("b")], [{ clientId: "a", linkedClientId: "hidden" }, { clientId: "x", linkedClientId: null }]);
    expect(grouped.map((c) => c.profileOf)).toEqual([null, null]);
  });
});
