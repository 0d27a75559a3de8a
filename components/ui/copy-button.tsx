"use client";

import { useState } from "react";
import { Button, type ButtonSize } from "./button";

/**
 * Copies `text` to the clipboard and says so. Where there is no clipboard (a page not served over
 * HTTPS), it selects the element `selectId` instead, so Ctrl+C copies it, and says that.
 */
export function CopyButton({ text, label = "Copy", selectId, size = "sm" }: { text: string; label?: string; selectId?: string; size?: ButtonSize }) {
  const [done, setDone] = useState<"copied" | "selected" | null>(null);
  return (
    <Button
      variant="secondary"
      size={size}
      onClick={async () => {
        try {
          await navigator.clipboard.writeText(text);
          setDone("copied");
        } catch {
          const target = selectId ? document.getElementById(selectId) : null;
          if (target instanceof HTMLTextAreaElement || target instanceof HTMLInputElement) target.select();
          else if (target) window.getSelection()?.selectAllChildren(target);
          setDone(target ? "selected" : null);
        }
      }}
    >
      <span aria-live="polite">{done === "copied" ? "Copied" : done === "selected" ? "Selected: press Ctrl+C" : label}</span>
    </Button>
  );
}

/** Saves `text` as a plain-text file the browser downloads, without a round trip to the server. */
export function DownloadTextButton({ text, filename, label = "Download", size = "sm" }: { text: string; filename: string; label?: string; size?: ButtonSize }) {
  return (
    <Button
      variant="secondary"
      size={size}
      onClick={() => {
        const url = URL.createObjectURL(new Blob([text], { type: "text/plain;charset=utf-8" }));
        const link = document.createElement("a");
        link.href = url;
        link.download = filename;
        link.click();
        // After the click has started the download.
        setTimeout(() => URL.revokeObjectURL(url), 0);
      }}
    >
      {label}
    </Button>
  );
}
