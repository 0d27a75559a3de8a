import { EmergencyAccessPanel } from "@/components/access/emergency-access-panel";
import { RecordNotFound } from "@/components/access/record-not-found";

export default function SessionNotFound() {
  return (
    <RecordNotFound>
      <EmergencyAccessPanel kind="session" />
    </RecordNotFound>
  );
}
