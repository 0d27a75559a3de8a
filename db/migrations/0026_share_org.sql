-- Hand-edited: the column is filled from each share's document before it becomes NOT NULL.
ALTER TABLE "document_shares" ADD COLUMN "organisation_id" uuid;--> statement-breakpoint
UPDATE "document_shares" SET "organisation_id" = "documents"."organisation_id" FROM "documents" WHERE "documents"."id" = "document_shares"."document_id";--> statement-breakpoint
ALTER TABLE "document_shares" ALTER COLUMN "organisation_id" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "document_shares" ADD CONSTRAINT "document_shares_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "document_shares_org_created_idx" ON "document_shares" USING btree ("organisation_id","created_at" DESC NULLS FIRST,"id" DESC NULLS FIRST);--> statement-breakpoint
CREATE INDEX "document_shares_org_revoked_idx" ON "document_shares" USING btree ("organisation_id","created_at" DESC NULLS FIRST,"id" DESC NULLS FIRST) WHERE "document_shares"."revoked_at" is not null;--> statement-breakpoint
CREATE INDEX "document_shares_org_locked_idx" ON "document_shares" USING btree ("organisation_id","created_at" DESC NULLS FIRST,"id" DESC NULLS FIRST) WHERE "document_shares"."locked_at" is not null and "document_shares"."revoked_at" is null;