CREATE TABLE "document_replies" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"share_id" uuid NOT NULL,
	"client_id" uuid NOT NULL,
	"contact_id" uuid NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"filename" text NOT NULL,
	"content_type" text NOT NULL,
	"size" integer NOT NULL,
	"bytes" "bytea",
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"filed_at" timestamp with time zone,
	"filed_kind" "document_kind",
	"document_id" uuid,
	"discarded_at" timestamp with time zone,
	"handled_by_id" uuid
);
--> statement-breakpoint
ALTER TABLE "document_replies" ADD CONSTRAINT "document_replies_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "document_replies" ADD CONSTRAINT "document_replies_share_id_document_shares_id_fk" FOREIGN KEY ("share_id") REFERENCES "public"."document_shares"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "document_replies" ADD CONSTRAINT "document_replies_client_id_clients_id_fk" FOREIGN KEY ("client_id") REFERENCES "public"."clients"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "document_replies" ADD CONSTRAINT "document_replies_contact_id_contacts_id_fk" FOREIGN KEY ("contact_id") REFERENCES "public"."contacts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "document_replies" ADD CONSTRAINT "document_replies_document_id_documents_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."documents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "document_replies" ADD CONSTRAINT "document_replies_handled_by_id_users_id_fk" FOREIGN KEY ("handled_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "document_replies_share_idx" ON "document_replies" USING btree ("share_id","created_at");--> statement-breakpoint
CREATE INDEX "document_replies_waiting_idx" ON "document_replies" USING btree ("client_id","created_at" DESC NULLS LAST) WHERE "document_replies"."filed_at" is null and "document_replies"."discarded_at" is null;