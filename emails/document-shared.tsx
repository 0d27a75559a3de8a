import { CallToAction, EmailLayout, Greeting, Paragraph, SmallPrint } from "./_components/layout";
import { sharedDocuments, viewDocumentsLabel } from "./_components/documents-wording";
import { plural } from "./_components/plural";

/**
 * Sent to an external contact (a GP, an insurer, another clinic). It travels over ordinary
 * email, so it carries nothing clinical: no document title or kind, no patient. The props
 * leave no room for any; keep it that way.
 */
export interface DocumentSharedProps {
  clinicName: string;
  senderName: string;
  contactName: string;
  viewUrl: string;
  expiresInHours: number;
  /** Several documents in one share (one link, one code); absent for one. Still no titles. */
  documentCount?: number;
  /** How opening it asks for a code, when it does: the contact should know they will need their phone (or inbox). */
  codeBy?: "sms" | "email";
}

export default function DocumentSharedEmail({
  clinicName,
  senderName,
  contactName,
  viewUrl,
  expiresInHours,
  documentCount = 1,
  codeBy,
}: DocumentSharedProps) {
  const what = sharedDocuments(documentCount);
  return (
    <EmailLayout clinicName={clinicName} preview={`${senderName} at ${clinicName} has shared ${what} with you.`}>
      <Greeting name={contactName} />
      <Paragraph>
        {`${senderName} at ${clinicName} has shared ${what} with you through Carebridge's secure sharing portal.`}
      </Paragraph>
      <CallToAction href={viewUrl}>{viewDocumentsLabel(documentCount)}</CallToAction>
      <SmallPrint>
        {`For your security, this link expires if it isn't used within ${plural(expiresInHours, "hour")}. If it has expired, ask ${clinicName} to send it again.`}
      </SmallPrint>
      {codeBy ? (
        <Paragraph>
          {codeBy === "sms"
            ? "When you open it, we'll text a 6-digit code to your mobile: have your phone with you."
            : "When you open it, we'll email you a 6-digit code to enter."}
        </Paragraph>
      ) : null}
    </EmailLayout>
  );
}

DocumentSharedEmail.PreviewProps = {
  clinicName: "Riverside Health Clinic",
  senderName: "Dr Priya Shah",
  contactName: "Dr Alan Moore",
  viewUrl: "https://carebridge.example/s/preview-token",
  expiresInHours: 24,
} satisfies DocumentSharedProps;
