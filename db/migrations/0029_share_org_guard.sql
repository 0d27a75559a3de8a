-- A share's organisation is its document's, enforced by the database: filled in when an insert leaves
-- it out (code deployed before migration 0026 keeps working while the new code rolls out) and refused
-- when it names another organisation, so "Shared externally" can never list another clinic's share.
CREATE OR REPLACE FUNCTION "document_shares_organisation"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  document_organisation uuid;
BEGIN
  SELECT d."organisation_id" INTO document_organisation FROM "documents" d WHERE d."id" = NEW."document_id";
  IF NEW."organisation_id" IS NULL THEN
    NEW."organisation_id" := document_organisation;
  ELSIF NEW."organisation_id" IS DISTINCT FROM document_organisation THEN
    RAISE EXCEPTION 'document_shares: organisation % is not the document''s', NEW."organisation_id" USING ERRCODE = '23514';
  END IF;
  RETURN NEW;
END;
$$;--> statement-breakpoint
DROP TRIGGER IF EXISTS "document_shares_organisation" ON "document_shares";--> statement-breakpoint
CREATE TRIGGER "document_shares_organisation" BEFORE INSERT OR UPDATE OF "document_id", "organisation_id" ON "document_shares"
  FOR EACH ROW EXECUTE FUNCTION "document_shares_organisation"();
