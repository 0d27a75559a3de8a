import { CallToAction, EmailLayout, Greeting, Paragraph, SmallPrint } from "./_components/layout";

export interface IntakeFormProps {
  clinicName: string;
  practitionerName: string;
  clientName: string;
  formName: string;
  portalUrl: string;
}

export default function IntakeFormEmail({ clinicName, practitionerName, clientName, formName, portalUrl }: IntakeFormProps) {
  const sent = `${practitionerName} at ${clinicName} has sent you a form to complete: ${formName}.`;
  return (
    <EmailLayout clinicName={clinicName} preview={sent}>
      <Greeting name={clientName} />
      <Paragraph>{sent}</Paragraph>
      <CallToAction href={portalUrl}>Open the client portal</CallToAction>
      <SmallPrint>You can save a draft and come back later.</SmallPrint>
    </EmailLayout>
  );
}

IntakeFormEmail.PreviewProps = {
  clinicName: "Riverside Health Clinic",
  practitionerName: "Dr Priya Shah",
  clientName: "Margaret Ellis",
  formName: "New patient questionnaire",
  portalUrl: "https://carebridge.example/portal",
} satisfies IntakeFormProps;
