import { ACCESS_LEVEL_EXPLANATIONS, type AccessLabel } from "./_components/access-levels";
import { AccessEnds } from "./_components/access-ends";
import { CallToAction, EmailLayout, Greeting, Paragraph, Quote, SmallPrint } from "./_components/layout";

export interface SessionSharedProps {
  clinicName: string;
  sharerName: string;
  recipientName: string;
  sessionTitle: string;
  accessLabel: AccessLabel;
  message?: string | null;
  sessionUrl: string;
  /** The last day of access ("8 Dec 2026"), when it ends by itself. */
  lastDay?: string | null;
}

export default function SessionSharedEmail({
  clinicName,
  sharerName,
  recipientName,
  sessionTitle,
  accessLabel,
  message,
  sessionUrl,
  lastDay,
}: SessionSharedProps) {
  const shared = `${sharerName} shared the session “${sessionTitle}” with you (${accessLabel}).`;
  const note = message?.trim();
  return (
    <EmailLayout clinicName={clinicName} preview={shared}>
      <Greeting name={recipientName} />
      <Paragraph>{shared}</Paragraph>
      <Paragraph>{ACCESS_LEVEL_EXPLANATIONS[accessLabel]}</Paragraph>
      <AccessEnds lastDay={lastDay} />
      {note ? <Quote author={sharerName} text={note} /> : null}
      <CallToAction href={sessionUrl}>Open session</CallToAction>
      <SmallPrint>{"You'll need to be signed in to Carebridge."}</SmallPrint>
    </EmailLayout>
  );
}

SessionSharedEmail.PreviewProps = {
  clinicName: "Riverside Health Clinic",
  sharerName: "Dr Priya Shah",
  recipientName: "Tom Baker",
  sessionTitle: "Follow-up consultation, 14 March",
  accessLabel: "Edit",
  message: "Could you add your notes from Tuesday before Friday's review?\nThanks!",
  sessionUrl: "https://carebridge.example/sessions/preview-session",
} satisfies SessionSharedProps;
