import type { SVGProps } from "react";

export type NavIconName =
  | "sessions"
  | "clients"
  | "documents"
  | "contacts"
  | "notifications"
  | "settings"
  | "bell"
  | "menu"
  | "close"
  | "share"
  | "more";

/** Hand-written 24×24 outline paths (stroke, currentColor). */
const paths: Record<NavIconName, string[]> = {
  // Clipboard with lines (a consult).
  sessions: [
    "M9 4h6a1 1 0 0 1 1 1v1H8V5a1 1 0 0 1 1-1Z",
    "M16 5h1.5A1.5 1.5 0 0 1 19 6.5v12a1.5 1.5 0 0 1-1.5 1.5h-11A1.5 1.5 0 0 1 5 18.5v-12A1.5 1.5 0 0 1 6.5 5H8",
    "M9 11h6M9 15h4",
  ],
  // Two people.
  clients: [
    "M9 11a3.5 3.5 0 1 0 0-7 3.5 3.5 0 0 0 0 7Z",
    "M3 20a6 6 0 0 1 12 0",
    "M15.5 4.3a3.5 3.5 0 0 1 0 6.4",
    "M17.5 14.5A6 6 0 0 1 21 20",
  ],
  // Page with folded corner and lines.
  documents: [
    "M14 3H7.5A1.5 1.5 0 0 0 6 4.5v15A1.5 1.5 0 0 0 7.5 21h9a1.5 1.5 0 0 0 1.5-1.5V7l-4-4Z",
    "M14 3v4h4",
    "M9 12h6M9 16h6",
  ],
  // Address book card with a person.
  contacts: [
    "M6.5 3h11A1.5 1.5 0 0 1 19 4.5v15a1.5 1.5 0 0 1-1.5 1.5h-11A1.5 1.5 0 0 1 5 19.5v-15A1.5 1.5 0 0 1 6.5 3Z",
    "M12 11.5a2.5 2.5 0 1 0 0-5 2.5 2.5 0 0 0 0 5Z",
    "M8 17a4 4 0 0 1 8 0",
    "M3.5 7h1.5M3.5 12h1.5M3.5 17h1.5",
  ],
  // Inbox tray.
  notifications: [
    "M4 13.5 6.3 5.6A1.5 1.5 0 0 1 7.7 4.5h8.6a1.5 1.5 0 0 1 1.4 1.1L20 13.5",
    "M4 13.5v5A1.5 1.5 0 0 0 5.5 20h13a1.5 1.5 0 0 0 1.5-1.5v-5h-4.5a3.5 3.5 0 0 1-7 0H4Z",
  ],
  // Sliders.
  settings: [
    "M4 6h9M17 6h3M4 12h3M11 12h9M4 18h11M19 18h1",
    "M15 8a2 2 0 1 0 0-4 2 2 0 0 0 0 4ZM9 14a2 2 0 1 0 0-4 2 2 0 0 0 0 4ZM17 20a2 2 0 1 0 0-4 2 2 0 0 0 0 4Z",
  ],
  bell: [
    "M6 10a6 6 0 1 1 12 0c0 3.5 1 5.5 2 6.5H4c1-1 2-3 2-6.5Z",
    "M10 19.5a2 2 0 0 0 4 0",
  ],
  menu: ["M4 6.5h16M4 12h16M4 17.5h16"],
  close: ["M6 6l12 12M18 6 6 18"],
  // Three connected nodes.
  share: [
    "M17.5 8a2.5 2.5 0 1 0 0-5 2.5 2.5 0 0 0 0 5ZM6.5 14.5a2.5 2.5 0 1 0 0-5 2.5 2.5 0 0 0 0 5ZM17.5 21a2.5 2.5 0 1 0 0-5 2.5 2.5 0 0 0 0 5Z",
    "m8.7 10.8 6.6-3.6M8.7 13.2l6.6 3.6",
  ],
  // Horizontal ellipsis.
  more: ["M5.5 12h.01M12 12h.01M18.5 12h.01"],
};

export type IconProps = Omit<SVGProps<SVGSVGElement>, "children"> & {
  name: NavIconName;
  /** Pixel size; defaults to 20. */
  size?: number;
  /** Accessible name; when omitted the icon is decorative (aria-hidden). */
  title?: string;
};

export function Icon({ name, size = 20, title, strokeWidth, ...props }: IconProps) {
  const isDot = name === "more";
  return (
    <svg
      width={size}
      height={size}
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth={strokeWidth ?? (isDot ? 3 : 1.6)}
      strokeLinecap="round"
      strokeLinejoin="round"
      role={title ? "img" : undefined}
      aria-hidden={title ? undefined : true}
      aria-label={title}
      focusable="false"
      {...props}
    >
      {paths[name].map((d) => (
        <path key={d} d={d} />
      ))}
    </svg>
  );
}

export const iconNames = Object.keys(paths) as NavIconName[];
