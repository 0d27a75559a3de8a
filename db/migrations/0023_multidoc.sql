CREATE TABLE "share_documents" (
	"share_id" uuid NOT NULL,
	"document_id" uuid NOT NULL,
	"position" integer NOT NULL,
	CONSTRAINT "share_documents_share_id_document_id_pk" PRIMARY KEY("share_id","document_id")
);
--> statement-breakpoint
ALTER TABLE "share_documents" ADD CONSTRAINT "share_documents_share_id_document_shares_id_fk" FOREIGN KEY ("share_id") REFERENCES "public"."document_shares"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "share_documents" ADD CONSTRAINT "share_documents_document_id_documents_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."documents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "share_documents_document_idx" ON "share_documents" USING btree ("document_id");