type NamedProfile = { firstName: string; lastName: string; profileLabel: string | null };

const fullName = (p: NamedProfile) => `${p.firstName} ${p.lastName}`;

/**
 * How the client portal names one of a login's profiles: always the person's name (a parent's
 * login holds a child's profile beside their own, and must never mix them up), with the label the
 * clinic set ("Jordan Lee — Psychology"), or, for two profiles of one name without labels, which
 * one ("Jordan Lee — Profile 2").
 */
export function portalProfileName(profile: NamedProfile, index: number, profiles: readonly NamedProfile[]): { name: string; detail: string | null } {
  const name = fullName(profile);
  if (profile.profileLabel) return { name, detail: profile.profileLabel };
  const sameName = profiles.map((p, i) => ({ p, i })).filter(({ p }) => fullName(p) === name);
  return { name, detail: sameName.length > 1 ? `Profile ${sameName.findIndex(({ i }) => i === index) + 1}` : null };
}
