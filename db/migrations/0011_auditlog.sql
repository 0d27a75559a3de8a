ALTER TABLE "organisations" ADD COLUMN "time_zone" text DEFAULT 'Europe/London' NOT NULL;--> statement-breakpoint
ALTER TABLE "organisations" ADD COLUMN "audit_retention_years" integer DEFAULT 7 NOT NULL;--> statement-breakpoint
ALTER TABLE "roles" ADD COLUMN "audit_log" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "audit_events" ADD COLUMN "actor_role" text;--> statement-breakpoint
ALTER TABLE "audit_events" ADD COLUMN "client_id" uuid;--> statement-breakpoint
CREATE INDEX "audit_events_client_idx" ON "audit_events" USING btree ("organisation_id","client_id","created_at" DESC NULLS LAST);