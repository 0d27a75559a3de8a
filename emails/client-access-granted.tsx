import { CallToAction, EmailLayout, Greeting, Paragraph, SmallPrint } from "./_components/layout";

export interface ClientAccessGrantedProps {
  clinicName: string;
  grantedByName: string;
  practitionerName: string;
  clientName: string;
  chartUrl: string;
}

export default function ClientAccessGrantedEmail({
  clinicName,
  grantedByName,
  practitionerName,
  clientName,
  chartUrl,
}: ClientAccessGrantedProps) {
  const granted = `${grantedByName} gave you access to the chart of ${clientName}.`;
  return (
    <EmailLayout clinicName={clinicName} preview={granted}>
      <Greeting name={practitionerName} />
      <Paragraph>{granted}</Paragraph>
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
