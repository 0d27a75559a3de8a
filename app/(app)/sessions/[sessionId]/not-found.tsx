import { EmergencyAccessPanel } from "@/components/access/emergency-access-panel";
import { RecordNotFound } from "@/components/access/record-not-found";
import { RequestAccessPanel } from "@/components/access/request-access-panel";

// The record's own no-access page: the same words as anywhere else, plus the ways to get access.
export default function SessionNotFound() {
  return (
    <RecordNotFound>
      <RequestAccessPanel />
      <EmergencyAccessPanel kind="session" />
    </RecordNotFound>
  );
}
