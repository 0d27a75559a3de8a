import type { ReactNode } from "react";
import type { EndChartAccessInput } from "@/lib/clients/schemas";
import { EndAccessForm } from "./end-access-form";

type Ending = { fields: EndChartAccessInput; who: string; chart?: string };

/** What ending each kind of access says: the button, the confirmation and its consequence. */
const ENDINGS = {
  access_list: {
    label: "Remove",
    title: ({ who, chart }: Ending) => `Remove ${who} from ${chart ?? "this chart"}'s access list?`,
    description: "They can no longer open this chart from their next request. Sessions shared with them directly are not affected.",
    confirmLabel: "Remove access",
  },
  session_share: {
    label: "Remove share",
    title: ({ who }: Ending) => `Remove ${who}'s share of this session?`,
    description: "They lose the access the share gave them from their next request. Team visibility, if any, still applies.",
    confirmLabel: "Remove share",
  },
  portal_login: {
    label: "Revoke",
    title: ({ who }: Ending) => `Revoke ${who}'s portal access to this profile?`,
    description: "They will no longer see this profile or its forms in the portal. Other profiles on their login are not affected.",
    confirmLabel: "Revoke access",
  },
  external_share: {
    label: "Revoke",
    title: ({ who }: Ending) => `Revoke ${who}'s access?`,
    description: "The link stops working at once, also in a browser where it is already open.",
    confirmLabel: "Revoke access",
  },
} as const satisfies Record<EndChartAccessInput["kind"], { label: string; title: (e: Ending) => string; description: string; confirmLabel: string }>;

/** One line of the Access tab: who, why, and the action that ends it where the viewer may. */
export function AccessLine({ name, children, end }: { name: ReactNode; children?: ReactNode; end?: Ending | false }) {
  const ending = end ? ENDINGS[end.fields.kind] : null;
  return (
    <li className="flex flex-wrap items-center gap-2 py-2">
      <span className="font-medium text-slate-900">{name}</span>
      {children}
      {end && ending ? (
        <span className="ml-auto">
          <EndAccessForm fields={end.fields} label={ending.label} title={ending.title(end)} description={ending.description} confirmLabel={ending.confirmLabel} />
        </span>
      ) : null}
    </li>
  );
}
