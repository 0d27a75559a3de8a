import { sharedDocuments, viewDocumentsLabel } from "./_components/documents-wording";
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
  /** Several documents in one share; absent for one. Still no titles. */
  documentCount?: number;
}

export default function ShareLinkReminderEmail({ clinicName, senderName, contactName, viewUrl, expiresAt, documentCount = 1 }: ShareLinkReminderProps) {
  const what = sharedDocuments(documentCount);
  return (
    <EmailLayout clinicName={clinicName} preview={`${documentCount > 1 ? `${documentCount} documents from ${clinicName} are` : `A document from ${clinicName} is`} waiting for you until ${expiresAt}.`}>
      <Greeting name={contactName} />
      <Paragraph>{`${senderName} at ${clinicName} shared ${what} with you that you have not opened yet. The link expires at ${expiresAt} (UK time).`}</Paragraph>
      <CallToAction href={viewUrl}>{viewDocumentsLabel(documentCount)}</CallToAction>
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
