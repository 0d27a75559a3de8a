DROP INDEX "audit_events_org_idx";--> statement-breakpoint
DROP INDEX "audit_events_client_idx";--> statement-breakpoint
CREATE INDEX "audit_events_org_idx" ON "audit_events" USING btree ("organisation_id","created_at" DESC NULLS FIRST,"id" DESC NULLS FIRST);--> statement-breakpoint
CREATE INDEX "audit_events_client_idx" ON "audit_events" USING btree ("organisation_id","client_id","created_at" DESC NULLS FIRST,"id" DESC NULLS FIRST);