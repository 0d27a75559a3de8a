-- Audit log (issue 12 §1). Self-contained and safe to run again.

-- The built-in Admin role may read the audit log; every other existing role starts without it.
UPDATE "roles" SET "audit_log" = true WHERE "built_in" = 'admin' AND "audit_log" = false;--> statement-breakpoint

-- Backfill the client of events written before audit_events.client_id existed. This runs before the
-- append-only trigger below exists (and drops it first if the migration is ever run again).
DROP TRIGGER IF EXISTS "audit_events_append_only" ON "audit_events";--> statement-breakpoint
UPDATE "audit_events" a SET "client_id" = c."id" FROM "clients" c
  WHERE a."client_id" IS NULL AND a."target_type" = 'client' AND c."id"::text = a."target_id";--> statement-breakpoint
UPDATE "audit_events" a SET "client_id" = d."client_id" FROM "documents" d
  WHERE a."client_id" IS NULL AND a."target_type" = 'document' AND d."id"::text = a."target_id";--> statement-breakpoint
UPDATE "audit_events" a SET "client_id" = d."client_id" FROM "document_shares" s JOIN "documents" d ON d."id" = s."document_id"
  WHERE a."client_id" IS NULL AND a."target_type" = 'document_share' AND s."id"::text = a."target_id";--> statement-breakpoint
UPDATE "audit_events" a SET "client_id" = r."client_id" FROM "intake_requests" r
  WHERE a."client_id" IS NULL AND a."target_type" = 'intake_request' AND r."id"::text = a."target_id";--> statement-breakpoint
UPDATE "audit_events" a SET "client_id" = cs."client_id" FROM "clinical_sessions" cs
  WHERE a."client_id" IS NULL AND a."target_type" = 'clinical_session' AND cs."id"::text = a."target_id" AND cs."client_id" IS NOT NULL;--> statement-breakpoint

-- Append-only, enforced by the database (HIPAA 164.312(b)): every UPDATE and DELETE is refused, except
-- a DELETE by the retention job (lib/audit/prune-audit-events.ts), which sets the transaction-local
-- flag carebridge.audit_prune = 'on', and even then only of an event older than its organisation keeps
-- events (organisations.audit_retention_years; seven years for events of no organisation).
CREATE OR REPLACE FUNCTION "audit_events_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  keep_years integer;
BEGIN
  IF TG_OP = 'DELETE' AND coalesce(current_setting('carebridge.audit_prune', true), '') = 'on' THEN
    SELECT o."audit_retention_years" INTO keep_years FROM "organisations" o WHERE o."id" = OLD."organisation_id";
    IF OLD."created_at" < now() - make_interval(years => coalesce(keep_years, 7)) THEN
      RETURN OLD;
    END IF;
    RAISE EXCEPTION 'audit_events: event % is within its retention period', OLD."id" USING ERRCODE = 'P0001';
  END IF;
  RAISE EXCEPTION 'audit_events is append-only: % refused', TG_OP USING ERRCODE = 'P0001';
END;
$$;--> statement-breakpoint
CREATE TRIGGER "audit_events_append_only" BEFORE UPDATE OR DELETE ON "audit_events"
  FOR EACH ROW EXECUTE FUNCTION "audit_events_append_only"();
