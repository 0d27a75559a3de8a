/** The share levels as the clinic sees them in emails (DESIGN.md, "Access rules"). */
export type AccessLabel = "View" | "Edit" | "Full access";

/** One line per level telling the recipient what they can now do. */
export const ACCESS_LEVEL_EXPLANATIONS = {
  View: "With View access you can read the session.",
  Edit: "With Edit access you can edit the session's notes, status, context, documents and patient profile.",
  "Full access":
    "With Full access you can do everything Edit allows, and you can share the session with colleagues.",
} as const satisfies Record<AccessLabel, string>;
