import { NotFoundMessage } from "@/components/errors/not-found-message";

export default function NotFound() {
  return <NotFoundMessage />;
}
