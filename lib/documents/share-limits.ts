/** One share carries at most this many documents (the dialog offers no more; the ZIP stays a sensible size). */
export const MAX_DOCUMENTS_PER_SHARE = 10;
