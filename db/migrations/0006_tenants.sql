ALTER TABLE "memberships" ADD COLUMN "invited_name" text;--> statement-breakpoint
ALTER TABLE "portal_account_profiles" ADD COLUMN "invited_name" text;