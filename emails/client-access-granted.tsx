import { AccessEnds } from "./_components/access-ends";
import { CallToAction, EmailLayout, Greeting, Paragraph, SmallPrint } from "./_components/layout";

export interface ClientAccessGrantedProps {
  clinicName: string;
  grantedByName: string;
  practitionerName: string;
  clientName: string;
  chartUrl: string;
  /** The last day of access ("8 Dec 2026"), when it ends by itself. */
  lastDay?: string | null;
}

export default function ClientAccessGrantedEmail({
  clinicName,
  grantedByName,
  practitionerName,
  clientName,
  chartUrl,
  lastDay,
}: ClientAccessGrantedProps) {
  const granted = `${grantedByName} gave you access to the chart of ${clientName}.`;
  return (
    <EmailLayout clinicName={clinicName} preview={granted}>
      <Greeting name={practitionerName} />
      <Paragraph>{granted}</Paragraph>
      <AccessEnds lastDay={lastDay} />
      <CallToAction href={chartUrl}>Open chart</CallToAction>
      <SmallPrint>{"You'll need to be signed in to Carebridge."}</SmallPrint>
    </EmailLayout>
  );
}

ClientAccessGrantedEmail.PreviewProps = {
  clinicName: "Riverside Health Clinic",
  grantedByName: "Helen Carter",
  practitionerName: "Dr Priya Shah",
  clientName: "Margaret Ellis",
  chartUrl: "https://carebridge.example/clients/preview-client",
} satisfies ClientAccessGrantedProps;
