"use client";

import { PageError } from "@/components/errors/page-error";
import "./globals.css";

// Errors above every segment's own boundary (a layout that could not read the database, for one).
export default function GlobalError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <html lang="en-GB">
      <body className="flex min-h-screen items-center justify-center bg-slate-50 p-4">
        <main className="w-full max-w-md">
          <PageError reset={reset} />
        </main>
      </body>
    </html>
  );
}
