import Link from "next/link";

// One message for "does not exist" and "you may not see it": the difference is never revealed.
export function NotFoundText({ linkClassName }: { linkClassName: string }) {
  return (
    <>
      <p className="text-sm font-semibold uppercase tracking-wide text-teal-700">Not found or no access</p>
      <h1 className="mt-2 text-2xl font-semibold text-slate-900">We can&apos;t show you this page</h1>
      <p className="mt-3 text-slate-600">It may not exist, or you may not have access to it. If a colleague shared it with you, ask them to check your access.</p>
      <Link href="/" className={linkClassName}>
        Go to your home page
      </Link>
    </>
  );
}

/** The page-wide not-found page (outside the app's shell, so it is the page's main landmark). */
export function NotFoundMessage() {
  return (
    <main className="flex min-h-[60vh] items-center justify-center px-4">
      <div className="max-w-md text-center">
        <NotFoundText linkClassName="mt-6 inline-block rounded-md bg-teal-700 px-4 py-2 text-sm font-medium text-white hover:bg-teal-800 focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-teal-600 focus-visible:ring-offset-2" />
      </div>
    </main>
  );
}
