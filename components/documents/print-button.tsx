"use client";

import { Button } from "@/components/ui/button";

/** Prints the page (print stylesheet in globals.css); `auditUrl` gets a small POST first so the print is audited. */
export function PrintButton({ auditUrl }: { auditUrl?: string }) {
  return (
    <Button
      variant="secondary"
      onClick={() => {
        if (auditUrl) {
          void fetch(auditUrl, { method: "POST", credentials: "same-origin", keepalive: true }).catch(() => undefined);
        }
        window.print();
      }}
    >
      Print
    </Button>
  );
}
