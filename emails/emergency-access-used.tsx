import { CallToAction, EmailLayout, Greeting, Paragraph, SmallPrint } from "./_components/layout";

export interface EmergencyAccessUsedProps {
  clinicName: string;
  adminName: string;
  clinicianName: string;
  /** "a client chart" or "a session": nothing clinical in an email. */
  recordLabel: string;
  endsAt: string;
  reviewUrl: string;
}

export default function EmergencyAccessUsedEmail({ clinicName, adminName, clinicianName, recordLabel, endsAt, reviewUrl }: EmergencyAccessUsedProps) {
  const used = `${clinicianName} used emergency access to open ${recordLabel} they had no access to.`;
  return (
    <EmailLayout clinicName={clinicName} preview={used}>
      <Greeting name={adminName} />
      <Paragraph>{used}</Paragraph>
      <Paragraph>{`They can read it until ${endsAt}. Their reason and the record are in Carebridge: review this use, and end it early if it was not needed.`}</Paragraph>
      <CallToAction href={reviewUrl}>Review emergency access</CallToAction>
      <SmallPrint>{"You receive this because you are an admin of the clinic. You'll need to be signed in to Carebridge."}</SmallPrint>
    </EmailLayout>
  );
}

EmergencyAccessUsedEmail.PreviewProps = {
  clinicName: "Riverside Health Clinic",
  adminName: "Helen Carter",
  clinicianName: "Dr Priya Shah",
  recordLabel: "a client chart",
  endsAt: "30 Nov 2026, 18:30",
  reviewUrl: "https://carebridge.example/settings/audit-log/emergency",
} satisfies EmergencyAccessUsedProps;
