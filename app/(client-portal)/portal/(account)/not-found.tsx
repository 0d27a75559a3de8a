import Link from "next/link";
import { buttonClasses } from "@/components/ui/button";

// The client portal's own not-found page: spoken to a client, not to clinic staff. A profile or
// form this login may not see looks the same as one that does not exist.
export default function PortalNotFound() {
  return (
    <div className="mx-auto max-w-md py-12 text-center">
      <h1 className="text-2xl font-semibold text-slate-900">We can&apos;t find this page</h1>
      <p className="mt-3 text-slate-600">
        The link may be out of date, or this page may belong to a profile your login doesn&apos;t include. If the clinic sent you a form, open it from your profiles. If something seems missing, contact the clinic.
      </p>
      <Link href="/portal" className={buttonClasses({ className: "mt-6" })}>
        Go to your profiles
      </Link>
    </div>
  );
}
