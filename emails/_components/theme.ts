import type { CSSProperties } from "react";

// Inline styles only: many mail clients strip <style> blocks. System fonts only, so the
// email fetches nothing from the internet (no web fonts, no remote images).
export const colours = {
  page: "#f1f5f9", // slate-100
  card: "#ffffff",
  border: "#e2e8f0", // slate-200
  text: "#0f172a", // slate-900
  body: "#334155", // slate-700
  muted: "#64748b", // slate-500
  accent: "#0f766e", // teal-700: white text on it passes WCAG AA
  accentText: "#ffffff",
} as const;

export const fontStack = '-apple-system, BlinkMacSystemFont, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif';

export const paragraph: CSSProperties = {
  color: colours.body,
  fontSize: "15px",
  lineHeight: "24px",
  margin: "0 0 16px",
};

export const small: CSSProperties = {
  color: colours.muted,
  fontSize: "13px",
  lineHeight: "20px",
  margin: "0 0 12px",
};
