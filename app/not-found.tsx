import type { Metadata } from "next";
import { NotFoundMessage } from "@/components/errors/not-found-message";

export const metadata: Metadata = { title: "Not found" };

export default function NotFound() {
  return <NotFoundMessage />;
}
