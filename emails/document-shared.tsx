import { CallToAction, EmailLayout, Greeting, Paragraph, SmallPrint } from "./_components/layout";
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
}

export default function DocumentSharedEmail({
  clinicName,
  senderName,
  contactName,
  viewUrl,
  expiresInHours,
}: DocumentSharedProps) {
  return (
    <EmailLayout clinicName={clinicName} preview={`${senderName} at ${clinicName} has shared a document with you.`}>
      <Greeting name={contactName} />
      <Paragraph>
        {`${senderName} at ${clinicName} has shared a document with you through Carebridge's secure sharing portal.`}
      </Paragraph>
      <CallToAction href={viewUrl}>View document</CallToAction>
      <SmallPrint>
        {`For your security, this link expires if it isn't used within ${plural(expiresInHours, "hour")}. If it has expired, ask ${clinicName} to send it again.`}
      </SmallPrint>
      <SmallPrint>
        {"Depending on the clinic's security settings, you may be asked for a code sent to your mobile."}
      </SmallPrint>
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
