import type { ReactNode } from "react";
import { EndAccessForm, type EndAccessFormProps } from "./end-access-form";

/** One line of the Access tab: who, why, and the action that ends it where the viewer may. */
export function AccessLine({ name, children, end }: { name: ReactNode; children?: ReactNode; end?: EndAccessFormProps | false }) {
  return (
    <li className="flex flex-wrap items-center gap-2 py-2">
      <span className="font-medium text-slate-900">{name}</span>
      {children}
      {end ? (
        <span className="ml-auto">
          <EndAccessForm {...end} />
        </span>
      ) : null}
    </li>
  );
}
