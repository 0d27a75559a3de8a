CREATE TYPE "public"."auth_session_end_reason" AS ENUM('signed_out', 'signed_out_by_user', 'signed_out_everywhere', 'password_changed', 'member_removed', 'admin_reset', 'idle_timeout', 'membership_ended');--> statement-breakpoint
CREATE TABLE "staff_auth_sessions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_active_at" timestamp with time zone DEFAULT now() NOT NULL,
	"ended_at" timestamp with time zone,
	"ended_reason" "auth_session_end_reason",
	"user_agent" text,
	"ip" text
);
--> statement-breakpoint
ALTER TABLE "organisations" ADD COLUMN "idle_timeout_minutes" integer DEFAULT 30 NOT NULL;--> statement-breakpoint
ALTER TABLE "staff_auth_sessions" ADD CONSTRAINT "staff_auth_sessions_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "staff_auth_sessions" ADD CONSTRAINT "staff_auth_sessions_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "staff_auth_sessions_user_live_idx" ON "staff_auth_sessions" USING btree ("user_id") WHERE "staff_auth_sessions"."ended_at" is null;--> statement-breakpoint
CREATE INDEX "staff_auth_sessions_user_org_idx" ON "staff_auth_sessions" USING btree ("user_id","organisation_id","last_active_at" DESC NULLS LAST);