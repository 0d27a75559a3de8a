import { CallToAction, EmailLayout, Greeting, Paragraph, SmallPrint } from "./_components/layout";

export interface IntakeFormProps {
  clinicName: string;
  practitionerName: string;
  /** The profile the form is for. */
  clientName: string;
  /** Whom the email goes to, when that is someone else (a parent for a child's profile). */
  recipientName?: string;
  formName: string;
  portalUrl: string;
}

export default function IntakeFormEmail({ clinicName, practitionerName, clientName, recipientName, formName, portalUrl }: IntakeFormProps) {
  // A parent managing a child's profile is greeted by their own name, and told whose form it is.
  const forSomeoneElse = recipientName !== undefined && recipientName !== clientName;
  const sent = forSomeoneElse
    ? `${practitionerName} at ${clinicName} has sent a form to complete for ${clientName}: ${formName}.`
    : `${practitionerName} at ${clinicName} has sent you a form to complete: ${formName}.`;
  return (
    <EmailLayout clinicName={clinicName} preview={sent}>
      <Greeting name={forSomeoneElse ? recipientName : clientName} />
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
