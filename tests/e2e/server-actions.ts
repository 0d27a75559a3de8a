import { readFileSync } from "node:fs";
import path from "node:path";
import type { APIRequestContext } from "@playwright/test";

interface ManifestEntry {
  workers: Record<string, unknown>;
  filename?: string;
  exportedName?: string;
}

/** The server actions of the production build, by file and export name (from Next's manifest). */
export function serverActions(): { id: string; filename: string; exportedName: string; page: string }[] {
  const manifest = JSON.parse(readFileSync(path.join(process.cwd(), process.env.NEXT_DIST_DIR ?? ".next", "server/server-reference-manifest.json"), "utf8")) as {
    node: Record<string, ManifestEntry>;
  };
  return Object.entries(manifest.node)
    .filter(([, e]) => e.filename && e.exportedName)
    .map(([id, e]) => ({ id, filename: e.filename!, exportedName: e.exportedName!, page: Object.keys(e.workers)[0]! }));
}

/** A URL of a page that bundles the action ("app/(app)/settings/teams/[teamId]/page" → "/settings/teams/x"). */
function urlOf(page: string): string {
  return (
    page
      .replace(/^app/, "")
      .replace(/\/page$/, "")
      .replace(/\/\([^)]+\)/g, "")
      .replace(/\[[^\]]+\]/g, "00000000-0000-4000-8000-000000000000") || "/"
  );
}

/**
 * Calls a `(prevState, formData)` server action the way React's client does, but by hand:
 * a forged request that no button on any page made.
 */
export async function callFormAction(request: APIRequestContext, action: { id: string; page: string }, fields: Record<string, string | string[]>) {
  // Argument 0 is the previous form state, argument 1 the FormData, sent as "$K1" with "_1_" field
  // names; like React's encodeReply, the referenced fields come first and the root "0" last.
  const body = new FormData();
  for (const [name, value] of Object.entries(fields)) for (const v of [value].flat()) body.append(`_1_${name}`, v);
  body.append("0", JSON.stringify([{}, "$K1"]));
  const response = await request.post(urlOf(action.page), {
    headers: { "Next-Action": action.id, Accept: "text/x-component", Origin: `http://127.0.0.1:${process.env.E2E_PORT ?? 3100}` },
    multipart: body,
    maxRedirects: 0,
  });
  return { status: response.status(), text: await response.text() };
}
