import { CallToAction, EmailLayout, Greeting, Paragraph, SmallPrint } from "./_components/layout";

/**
 * The one reminder a contact gets, 4 hours before an unopened share link expires (when the clinic
 * turned reminders on in Settings → Sharing). Like the first email it carries nothing clinical: no
 * document title or kind, no patient. It carries a fresh link, which replaces the earlier one.
 */
export interface ShareLinkReminderProps {
  clinicName: string;
  senderName: string;
  contactName: string;
  viewUrl: string;
  /** "30 Nov 2026, 14:00", clinic time. */
  expiresAt: string;
}

export default function ShareLinkReminderEmail({ clinicName, senderName, contactName, viewUrl, expiresAt }: ShareLinkReminderProps) {
  return (
    <EmailLayout clinicName={clinicName} preview={`A document from ${clinicName} is waiting for you until ${expiresAt}.`}>
      <Greeting name={contactName} />
      <Paragraph>{`${senderName} at ${clinicName} shared a document with you that you have not opened yet. The link expires at ${expiresAt} (UK time).`}</Paragraph>
      <CallToAction href={viewUrl}>View document</CallToAction>
      <SmallPrint>{"This link replaces the one in the earlier email, which no longer works."}</SmallPrint>
      <SmallPrint>{`If it has expired by the time you read this, ask ${clinicName} to send it again.`}</SmallPrint>
    </EmailLayout>
  );
}

ShareLinkReminderEmail.PreviewProps = {
  clinicName: "Riverside Health Clinic",
  senderName: "Dr Priya Shah",
  contactName: "Dr Alan Moore",
  viewUrl: "https://carebridge.example/s/preview-token",
  expiresAt: "30 Nov 2026, 14:00",
} satisfies ShareLinkReminderProps;
