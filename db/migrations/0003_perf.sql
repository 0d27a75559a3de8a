CREATE TABLE "document_pdfs" (
	"document_id" uuid PRIMARY KEY NOT NULL,
	"fingerprint" text NOT NULL,
	"bytes" "bytea" NOT NULL,
	"size" integer NOT NULL,
	"rendered_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
DROP INDEX "clients_org_name_idx";--> statement-breakpoint
DROP INDEX "clinical_sessions_owner_idx";--> statement-breakpoint
DROP INDEX "clinical_sessions_team_idx";--> statement-breakpoint
DROP INDEX "session_shares_user_idx";--> statement-breakpoint
DROP INDEX "documents_client_idx";--> statement-breakpoint
DROP INDEX "documents_org_kind_idx";--> statement-breakpoint
DROP INDEX "notifications_user_idx";--> statement-breakpoint
ALTER TABLE "document_pdfs" ADD CONSTRAINT "document_pdfs_document_id_documents_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."documents"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "clients_org_dob_idx" ON "clients" USING btree ("organisation_id","date_of_birth");--> statement-breakpoint
CREATE INDEX "clients_org_name_idx" ON "clients" USING btree ("organisation_id","last_name","first_name","id") WHERE "clients"."archived_at" is null;--> statement-breakpoint
CREATE INDEX "clinical_sessions_owner_idx" ON "clinical_sessions" USING btree ("owner_id","created_at" DESC NULLS FIRST,"id" DESC NULLS FIRST) WHERE "clinical_sessions"."deleted_at" is null;--> statement-breakpoint
CREATE INDEX "clinical_sessions_team_idx" ON "clinical_sessions" USING btree ("team_id","created_at" DESC NULLS FIRST,"id" DESC NULLS FIRST) WHERE "clinical_sessions"."deleted_at" is null and "clinical_sessions"."visibility" = 'team';--> statement-breakpoint
CREATE INDEX "session_shares_user_idx" ON "session_shares" USING btree ("user_id","created_at" DESC NULLS FIRST,"session_id" DESC NULLS FIRST);--> statement-breakpoint
CREATE INDEX "documents_client_idx" ON "documents" USING btree ("client_id","created_at" DESC NULLS FIRST,"id" DESC NULLS FIRST);--> statement-breakpoint
CREATE INDEX "documents_org_kind_idx" ON "documents" USING btree ("organisation_id","kind","created_at" DESC NULLS FIRST,"id" DESC NULLS FIRST);--> statement-breakpoint
CREATE INDEX "notifications_user_idx" ON "notifications" USING btree ("user_id","created_at" DESC NULLS FIRST,"id" DESC NULLS FIRST);