import v8 from "node:v8";
import vm from "node:vm";
import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { exportAuditEvents } from "@/lib/audit/export-audit-events";
import { recordAudit } from "@/lib/audit/record-audit";
import { createClient, createMember, createOrganisation } from "../support/factories";

describe("the CSV export streams: 100,000 events in constant memory", () => {
  // Generous: 100 batches on a machine shared with other runs; alone it takes a fraction of this.
  it("reads the events a batch at a time while the consumer reads", { timeout: 300_000 }, async () => {
    const org = await createOrganisation();
    const admin = await createMember(org, { role: "admin" });
    const client = await createClient(org.id);
    const db = await getDb();
    const ua = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.0.0";
    // In ten statements: one of 100,000 rows outlasts the app's query timeouts on a loaded machine.
    for (let from = 1; from <= 100_000; from += 10_000) {
      await db.execute(sql`insert into audit_events (organisation_id, actor_type, actor_id, actor_role, action, target_type, target_id, client_id, ip, user_agent, metadata, created_at)
        select ${org.id}::uuid, 'user', ${admin.userId}, 'Admin', 'client.viewed', 'client', ${client.id}, ${client.id}::uuid, '198.51.100.' || (g % 250), ${ua},
          jsonb_build_object('tab', 'overview'), now() - (g || ' seconds')::interval
        from generate_series(${from}::int, ${from + 9_999}::int) g`);
    }
    await recordAudit(db, { organisationId: org.id, actor: { type: "system" }, action: "audit.events_pruned", metadata: { deleted: 0 }, ip: null });
    // As autovacuum would after a bulk load: the planner then pages through the index.
    await db.execute(sql`analyze audit_events`);

    v8.setFlagsFromString("--expose-gc");
    const gc = vm.runInNewContext("gc") as () => void;
    gc();
    const baseline = process.memoryUsage().heapUsed;
    let peak = 0;
    let bytes = 0;
    let newlines = 0;
    let chunks = 0;
    const { stream } = await exportAuditEvents(admin, {});
    const reader = stream.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      bytes += value.byteLength;
      for (const b of value) if (b === 10) newlines++;
      // Live memory (after a collection) every few batches: what the export holds, not its garbage.
      if (++chunks % 10 === 0) {
        gc();
        peak = Math.max(peak, process.memoryUsage().heapUsed - baseline);
      }
    }
    // Header, the 100,000 events, the pruning event and the export's own event.
    expect(newlines).toBe(1 + 100_000 + 2);
    expect(bytes).toBeGreaterThan(30_000_000);
    // Holding the whole export (or its rows) would cost more than the bytes themselves; a batch is ~1%.
    expect(peak).toBeLessThan(bytes / 8);
  });
});
