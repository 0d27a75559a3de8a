ALTER TABLE "clinical_sessions" ADD COLUMN "version" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "session_shares" ADD COLUMN "level_changed_by_id" uuid;--> statement-breakpoint
ALTER TABLE "session_shares" ADD CONSTRAINT "session_shares_level_changed_by_id_users_id_fk" FOREIGN KEY ("level_changed_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;