-- Trigram indexes for the "contains" searches (ILIKE '%…%'): session titles and client names/emails.
-- pg_trgm is a trusted extension (PostgreSQL 13+), and PGlite loads it in db/client.ts.
-- The indexed expressions must stay exactly as the queries write them
-- (lib/sessions/visible-sessions.ts, lib/clients/list-clients.ts).
CREATE EXTENSION IF NOT EXISTS pg_trgm;--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "clinical_sessions_title_trgm_idx" ON "clinical_sessions" USING gin ("title" gin_trgm_ops) WHERE "deleted_at" is null;--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "clients_name_trgm_idx" ON "clients" USING gin (("first_name" || ' ' || "last_name") gin_trgm_ops);--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "clients_name_reversed_trgm_idx" ON "clients" USING gin (("last_name" || ' ' || "first_name") gin_trgm_ops);--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "clients_email_trgm_idx" ON "clients" USING gin ("email" gin_trgm_ops);
