"use client";

import { PageError } from "@/components/errors/page-error";

// Never shows the error's message: it can carry patient data.
export default function StaffError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return <PageError reset={reset} />;
}
