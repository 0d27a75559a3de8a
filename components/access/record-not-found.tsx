import type { ReactNode } from "react";
import Link from "next/link";

/**
 * A chart's or session's "not found or no access" page inside the app: the same words as the
 * app-wide page (app/not-found.tsx), with room for the access panels below it.
 */
export function RecordNotFound({ children }: { children?: ReactNode }) {
  return (
    <div className="py-8">
      <div className="mx-auto max-w-md text-center">
        <p className="text-sm font-semibold uppercase tracking-wide text-teal-700">Not found or no access</p>
        <h1 className="mt-2 text-2xl font-semibold text-slate-900">We can&apos;t show you this page</h1>
        <p className="mt-3 text-slate-600">It may not exist, or you may not have access to it. If a colleague shared it with you, ask them to check your access.</p>
        <Link href="/" className="mt-6 inline-block text-sm font-medium text-teal-800 hover:underline">
          Go to your home page
        </Link>
      </div>
      <div className="mt-8 space-y-4">{children}</div>
    </div>
  );
}
