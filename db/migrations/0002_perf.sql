DROP INDEX "clients_org_name_idx";--> statement-breakpoint
DROP INDEX "clinical_sessions_owner_idx";--> statement-breakpoint
DROP INDEX "clinical_sessions_team_idx";--> statement-breakpoint
DROP INDEX "session_shares_user_idx";--> statement-breakpoint
DROP INDEX "documents_client_idx";--> statement-breakpoint
DROP INDEX "documents_org_kind_idx";--> statement-breakpoint
DROP INDEX "notifications_user_idx";--> statement-breakpoint
CREATE INDEX "clients_org_dob_idx" ON "clients" USING btree ("organisation_id","date_of_birth");--> statement-breakpoint
CREATE INDEX "clients_org_name_idx" ON "clients" USING btree ("organisation_id","last_name","first_name","id") WHERE "clients"."archived_at" is null;--> statement-breakpoint
CREATE INDEX "clinical_sessions_owner_idx" ON "clinical_sessions" USING btree ("owner_id","created_at" DESC NULLS FIRST,"id" DESC NULLS FIRST) WHERE "clinical_sessions"."deleted_at" is null;--> statement-breakpoint
CREATE INDEX "clinical_sessions_team_idx" ON "clinical_sessions" USING btree ("team_id","created_at" DESC NULLS FIRST,"id" DESC NULLS FIRST) WHERE "clinical_sessions"."deleted_at" is null and "clinical_sessions"."visibility" = 'team';--> statement-breakpoint
CREATE INDEX "session_shares_user_idx" ON "session_shares" USING btree ("user_id","created_at" DESC NULLS FIRST,"session_id" DESC NULLS FIRST);--> statement-breakpoint
CREATE INDEX "documents_client_idx" ON "documents" USING btree ("client_id","created_at" DESC NULLS FIRST,"id" DESC NULLS FIRST);--> statement-breakpoint
CREATE INDEX "documents_org_kind_idx" ON "documents" USING btree ("organisation_id","kind","created_at" DESC NULLS FIRST,"id" DESC NULLS FIRST);--> statement-breakpoint
CREATE INDEX "notifications_user_idx" ON "notifications" USING btree ("user_id","created_at" DESC NULLS FIRST,"id" DESC NULLS FIRST);