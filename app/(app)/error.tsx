"use client";

// Never shows the error's message: it can carry patient data.
export default function StaffError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <div role="alert" className="rounded-lg border border-red-200 bg-white p-6">
      <h2 className="text-lg font-semibold text-slate-900">Something went wrong</h2>
      <p className="mt-2 text-sm text-slate-600">We couldn&apos;t load this page. Nothing you saved was lost. Please try again.</p>
      <button
        type="button"
        onClick={reset}
        className="mt-4 rounded-md bg-teal-700 px-4 py-2 text-sm font-medium text-white hover:bg-teal-800 focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-teal-600"
      >
        Try again
      </button>
    </div>
  );
}
