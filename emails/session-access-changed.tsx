import { ACCESS_LEVEL_EXPLANATIONS, type AccessLabel } from "./_components/access-levels";
import { AccessEnds } from "./_components/access-ends";
import { CallToAction, EmailLayout, Greeting, Paragraph, SmallPrint } from "./_components/layout";

export interface SessionAccessChangedProps {
  clinicName: string;
  changedByName: string;
  recipientName: string;
  sessionTitle: string;
  accessLabel: AccessLabel;
  sessionUrl: string;
  /** The last day of access ("8 Dec 2026"), when it ends by itself. */
  lastDay?: string | null;
}

export default function SessionAccessChangedEmail({
  clinicName,
  changedByName,
  recipientName,
  sessionTitle,
  accessLabel,
  sessionUrl,
  lastDay,
}: SessionAccessChangedProps) {
  const changed = `${changedByName} changed your access to the session “${sessionTitle}” to ${accessLabel}.`;
  return (
    <EmailLayout clinicName={clinicName} preview={changed}>
      <Greeting name={recipientName} />
      <Paragraph>{changed}</Paragraph>
      <Paragraph>{ACCESS_LEVEL_EXPLANATIONS[accessLabel]}</Paragraph>
      <AccessEnds lastDay={lastDay} />
      <CallToAction href={sessionUrl}>Open session</CallToAction>
      <SmallPrint>{"You'll need to be signed in to Carebridge."}</SmallPrint>
    </EmailLayout>
  );
}

SessionAccessChangedEmail.PreviewProps = {
  clinicName: "Riverside Health Clinic",
  changedByName: "Dr Priya Shah",
  recipientName: "Tom Baker",
  sessionTitle: "Follow-up consultation, 14 March",
  accessLabel: "Full access",
  sessionUrl: "https://carebridge.example/sessions/preview-session",
} satisfies SessionAccessChangedProps;
