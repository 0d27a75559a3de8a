ALTER TYPE "public"."security_level" ADD VALUE 'link_and_email_code';--> statement-breakpoint
ALTER TABLE "document_shares" ADD COLUMN "purpose" text;--> statement-breakpoint
ALTER TABLE "document_shares" ADD COLUMN "purpose_note" text;--> statement-breakpoint
ALTER TABLE "document_shares" ADD CONSTRAINT "document_shares_purpose_check" CHECK ("document_shares"."purpose" is null or "document_shares"."purpose" in ('continuing_care', 'referral', 'insurer_billing', 'legal', 'client_request', 'other'));--> statement-breakpoint
ALTER TABLE "document_shares" ADD CONSTRAINT "document_shares_purpose_note_check" CHECK ("document_shares"."purpose" is distinct from 'other' or "document_shares"."purpose_note" is not null);