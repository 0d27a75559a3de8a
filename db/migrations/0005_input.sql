CREATE TABLE "idempotency_keys" (
	"actor_id" uuid NOT NULL,
	"action" text NOT NULL,
	"key" uuid NOT NULL,
	"result" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "idempotency_keys_actor_id_action_key_pk" PRIMARY KEY("actor_id","action","key")
);
