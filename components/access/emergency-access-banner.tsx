import { Alert } from "@/components/ui/alert";
import { formatDateTime } from "@/components/sessions/session-badges";

/** On every page of a record the viewer reads only through emergency access: what it is and when it ends. */
export function EmergencyAccessBanner({ until, what }: { until: Date | null; what: "chart" | "session" }) {
  if (!until) return null;
  return (
    <Alert tone="warning" title="Emergency access" className="mb-4">
      You are reading this {what} through emergency access, read-only, until {formatDateTime(until)}. Your admins have been told and will review your reason.
    </Alert>
  );
}
