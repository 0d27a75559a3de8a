CREATE TABLE "document_share_pdfs" (
	"share_id" uuid NOT NULL,
	"document_id" uuid NOT NULL,
	"fingerprint" text NOT NULL,
	"bytes" "bytea" NOT NULL,
	"size" integer NOT NULL,
	"rendered_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "document_share_pdfs_share_id_document_id_pk" PRIMARY KEY("share_id","document_id")
);
--> statement-breakpoint
DROP INDEX "documents_org_kind_idx";--> statement-breakpoint
ALTER TABLE "document_share_pdfs" ADD CONSTRAINT "document_share_pdfs_share_id_document_shares_id_fk" FOREIGN KEY ("share_id") REFERENCES "public"."document_shares"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "document_share_pdfs" ADD CONSTRAINT "document_share_pdfs_document_id_documents_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."documents"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "documents_org_kind_live_idx" ON "documents" USING btree ("organisation_id","kind","created_at" DESC NULLS FIRST,"id" DESC NULLS FIRST,"client_id") WHERE "documents"."deleted_at" is null;