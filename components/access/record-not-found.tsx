import type { ReactNode } from "react";
import { NotFoundText } from "@/components/errors/not-found-message";

/**
 * A chart's or session's "not found or no access" page inside the app: the same words as the
 * app-wide page (app/not-found.tsx), with room for the access panels below it.
 */
export function RecordNotFound({ children }: { children?: ReactNode }) {
  return (
    <div className="py-8">
      <div className="mx-auto max-w-md text-center">
        <NotFoundText linkClassName="mt-6 inline-block text-sm font-medium text-teal-800 hover:underline" />
      </div>
      <div className="mt-8 space-y-4">{children}</div>
    </div>
  );
}
