/** At most this many documents sent back per share in any 24 hours (a clinic's Inbox is not a file store). */
export const REPLIES_PER_SHARE_PER_DAY = 5;
export const MAX_REPLY_NOTE_LENGTH = 2000;
