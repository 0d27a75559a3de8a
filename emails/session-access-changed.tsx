import { ACCESS_LEVEL_EXPLANATIONS, type AccessLabel } from "./_components/access-levels";
import { CallToAction, EmailLayout, Greeting, Paragraph, SmallPrint } from "./_components/layout";

export interface SessionAccessChangedProps {
  clinicName: string;
  changedByName: string;
  recipientName: string;
  sessionTitle: string;
  accessLabel: AccessLabel;
  sessionUrl: string;
}

export default function SessionAccessChangedEmail({
  clinicName,
  changedByName,
  recipientName,
  sessionTitle,
  accessLabel,
  sessionUrl,
}: SessionAccessChangedProps) {
  const changed = `${changedByName} changed your access to the session “${sessionTitle}” to ${accessLabel}.`;
  return (
    <EmailLayout clinicName={clinicName} preview={changed}>
      <Greeting name={recipientName} />
      <Paragraph>{changed}</Paragraph>
      <Paragraph>{ACCESS_LEVEL_EXPLANATIONS[accessLabel]}</Paragraph>
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
