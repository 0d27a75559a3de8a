import type { Metadata } from "next";
import { ButtonLink } from "@/components/ui/button";
import { Card, CardBody } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { requireStaffWith } from "@/lib/access/require-area";
import { listMyTeams } from "@/lib/sessions/list-my-teams";
import { NewSessionForm } from "./new-session-form";

export const metadata: Metadata = { title: "New session" };

export default async function NewSessionPage() {
  const actor = await requireStaffWith("sessions:edit");
  const teams = await listMyTeams(actor);
  return (
    <div className="max-w-2xl">
      <PageHeader
        eyebrow={
          <ButtonLink href="/sessions" variant="ghost" size="sm">
            ← Sessions
          </ButtonLink>
        }
        title="New session"
        description="You will own the session. You can share it with colleagues once it is created."
      />
      <Card>
        <CardBody>
          <NewSessionForm teams={teams} />
        </CardBody>
      </Card>
    </div>
  );
}
