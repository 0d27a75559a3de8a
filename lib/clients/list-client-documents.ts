import "server-only";
import { and, desc, eq, isNull } from "drizzle-orm";
import { getDb } from "@/db/client";
import { documents } from "@/db/schema";

export interface ChartDocument {
  id: string;
  title: string;
  kind: "letter" | "prescription" | "document" | "lab_result" | "invoice";
  createdAt: Date;
}

/**
 * The chart's Documents tab: documents belong to the client and are visible to whoever may see
 * the chart (DESIGN.md). The caller has already checked that the actor may see the chart.
 * A simple query here until lib/documents exposes its own per-client list.
 */
export async function listClientDocuments(clientId: string): Promise<ChartDocument[]> {
  const db = await getDb();
  return db
    .select({ id: documents.id, title: documents.title, kind: documents.kind, createdAt: documents.createdAt })
    .from(documents)
    .where(and(eq(documents.clientId, clientId), isNull(documents.deletedAt)))
    .orderBy(desc(documents.createdAt))
    .limit(200);
}
