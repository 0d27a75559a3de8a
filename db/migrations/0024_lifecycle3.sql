ALTER TABLE "organisations" ADD COLUMN "remind_before_link_expiry" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "document_shares" ADD COLUMN "reminded_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "document_shares" ADD COLUMN "unopened_notified_at" timestamp with time zone;--> statement-breakpoint
CREATE INDEX "document_shares_unopened_idx" ON "document_shares" USING btree ("sent_at") WHERE "document_shares"."first_opened_at" is null and "document_shares"."revoked_at" is null and "document_shares"."unopened_notified_at" is null;