import { RequestAccessPanel } from "@/components/access/request-access-panel";
import { NotFoundMessage } from "@/components/errors/not-found-message";

// The record's own no-access page: the same message, plus the ways to ask for access.
export default function NotFound() {
  return (
    <NotFoundMessage>
      <RequestAccessPanel />
    </NotFoundMessage>
  );
}
