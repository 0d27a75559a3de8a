/**
 * How the client portal names one of a login's profiles: "Jordan Lee — Psychology" with the label
 * the clinic set, else "Jordan Lee — Profile 2" when the login has several, else the name alone.
 */
export function portalProfileName(profile: { firstName: string; lastName: string; profileLabel: string | null }, index: number, count: number): { name: string; detail: string | null } {
  const name = `${profile.firstName} ${profile.lastName}`;
  if (profile.profileLabel) return { name, detail: profile.profileLabel };
  return { name, detail: count > 1 ? `Profile ${index + 1}` : null };
}
