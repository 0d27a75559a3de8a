import { z } from "zod";

/**
 * The hidden `idempotencyKey` field of every create form (components/forms/idempotency-key-field.tsx).
 * Optional, and a malformed one is ignored: the key only ever saves a duplicate, it never refuses.
 */
export const idempotencyKey = z.uuid().optional().catch(undefined);
