import type { Metadata } from "next";
import { RecordNotFound } from "@/components/access/record-not-found";

export const metadata: Metadata = { title: "Not found" };

// Inside the staff app the shell's <main> is the page's main landmark: the message goes in it,
// with the same words as the page-wide one (app/not-found.tsx).
export default function AppNotFound() {
  return <RecordNotFound />;
}
