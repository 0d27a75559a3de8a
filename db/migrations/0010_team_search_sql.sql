-- "My teams" searched by title: one GIN index pairs the team (btree_gin) with the title's trigrams, so
-- each team's arm reads only its own matching rows instead of its whole history. btree_gin is a
-- trusted extension (PostgreSQL 13+); PGlite loads it in db/embedded-extensions.ts.
CREATE EXTENSION IF NOT EXISTS btree_gin;--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "clinical_sessions_team_title_trgm_idx" ON "clinical_sessions" USING gin ("team_id", "title" gin_trgm_ops) WHERE "deleted_at" is null and "visibility" = 'team';
