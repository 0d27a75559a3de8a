ALTER TABLE "document_shares" ADD COLUMN "link_email_id" uuid;--> statement-breakpoint
ALTER TABLE "outbox" ADD COLUMN "organisation_id" uuid;--> statement-breakpoint
ALTER TABLE "outbox" ADD COLUMN "retry_until" timestamp with time zone DEFAULT now() + interval '24 hours' NOT NULL;--> statement-breakpoint
ALTER TABLE "outbox" ADD COLUMN "failed_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "outbox" ADD CONSTRAINT "outbox_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "outbox_undelivered_idx" ON "outbox" USING btree ("organisation_id","failed_at" DESC NULLS LAST) WHERE "outbox"."status" = 'failed';