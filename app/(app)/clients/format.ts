// The app's one date format family lives in lib/format/dates.ts; kept here for existing imports.
export { formatDate, formatDateTime } from "@/lib/format/dates";
