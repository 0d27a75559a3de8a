-- Backfill the per-clinic invitation names from what the shared rows said before (idempotent).
UPDATE "portal_account_profiles" p SET "invited_name" = a."name"
  FROM "portal_accounts" a WHERE a."id" = p."portal_account_id" AND p."invited_name" IS NULL;--> statement-breakpoint
UPDATE "memberships" m SET "invited_name" = u."name"
  FROM "users" u WHERE u."id" = m."user_id" AND m."invited_name" IS NULL;
