-- Emergency access: the built-in Admin and Clinician roles of existing organisations may break the
-- glass; Medical secretary and custom roles stay off (the column's default). Idempotent.
UPDATE "roles" SET "emergency_access" = true WHERE "built_in" IN ('admin', 'clinician') AND "emergency_access" = false;
