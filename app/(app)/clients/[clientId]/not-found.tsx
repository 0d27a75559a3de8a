import { EmergencyAccessPanel } from "@/components/access/emergency-access-panel";
import { RecordNotFound } from "@/components/access/record-not-found";

export default function ClientNotFound() {
  return (
    <RecordNotFound>
      <EmergencyAccessPanel kind="client" />
    </RecordNotFound>
  );
}
