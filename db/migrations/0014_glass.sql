CREATE TABLE "emergency_access_grants" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"client_id" uuid,
	"session_id" uuid,
	"reason" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"ended_at" timestamp with time zone,
	"ended_by_id" uuid,
	"reviewed_at" timestamp with time zone,
	"reviewed_by_id" uuid,
	"review_note" text,
	CONSTRAINT "emergency_access_grants_one_record" CHECK (("emergency_access_grants"."client_id" is null) <> ("emergency_access_grants"."session_id" is null))
);
--> statement-breakpoint
ALTER TABLE "organisations" ADD COLUMN "emergency_access_enabled" boolean DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE "organisations" ADD COLUMN "emergency_access_hours" integer DEFAULT 4 NOT NULL;--> statement-breakpoint
ALTER TABLE "roles" ADD COLUMN "emergency_access" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "emergency_access_grants" ADD CONSTRAINT "emergency_access_grants_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "emergency_access_grants" ADD CONSTRAINT "emergency_access_grants_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "emergency_access_grants" ADD CONSTRAINT "emergency_access_grants_client_id_clients_id_fk" FOREIGN KEY ("client_id") REFERENCES "public"."clients"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "emergency_access_grants" ADD CONSTRAINT "emergency_access_grants_session_id_clinical_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."clinical_sessions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "emergency_access_grants" ADD CONSTRAINT "emergency_access_grants_ended_by_id_users_id_fk" FOREIGN KEY ("ended_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "emergency_access_grants" ADD CONSTRAINT "emergency_access_grants_reviewed_by_id_users_id_fk" FOREIGN KEY ("reviewed_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "emergency_access_grants_user_client_idx" ON "emergency_access_grants" USING btree ("user_id","client_id","expires_at") WHERE "emergency_access_grants"."client_id" is not null and "emergency_access_grants"."ended_at" is null;--> statement-breakpoint
CREATE INDEX "emergency_access_grants_user_session_idx" ON "emergency_access_grants" USING btree ("user_id","session_id","expires_at") WHERE "emergency_access_grants"."session_id" is not null and "emergency_access_grants"."ended_at" is null;--> statement-breakpoint
CREATE INDEX "emergency_access_grants_review_idx" ON "emergency_access_grants" USING btree ("organisation_id","reviewed_at","created_at" DESC NULLS LAST);