import { Text } from "@react-email/components";
import { EmailLayout, Greeting, Paragraph, SmallPrint } from "./_components/layout";
import { sharedDocuments } from "./_components/documents-wording";
import { plural } from "./_components/plural";
import { colours } from "./_components/theme";

/**
 * The code a contact types into the sharing portal, by email (the "link + code by email" level).
 * Like the link email it carries nothing clinical: no document, no patient.
 */
export interface SecurityCodeEmailProps {
  clinicName: string;
  contactName: string;
  code: string;
  expiresInMinutes: number;
  /** The documents the code opens, when the share holds several; absent for one. */
  documentCount?: number;
}

export default function SecurityCodeEmail({ clinicName, contactName, code, expiresInMinutes, documentCount = 1 }: SecurityCodeEmailProps) {
  return (
    <EmailLayout clinicName={clinicName} preview={`${code} is your code to view ${sharedDocuments(documentCount)} from ${clinicName}.`}>
      <Greeting name={contactName} />
      <Paragraph>{`Enter this code on the page where you opened ${clinicName}'s ${documentCount > 1 ? "documents" : "document"}:`}</Paragraph>
      <Text style={codeStyle}>{code}</Text>
      <SmallPrint>{`It works once, for ${plural(expiresInMinutes, "minute")}. Never share it. If you didn't ask for a code, you can ignore this email.`}</SmallPrint>
    </EmailLayout>
  );
}

SecurityCodeEmail.PreviewProps = {
  clinicName: "Riverside Health Clinic",
  contactName: "Dr Alan Moore",
  code: "482913",
  expiresInMinutes: 10,
} satisfies SecurityCodeEmailProps;

const codeStyle = {
  backgroundColor: colours.page,
  borderRadius: "12px",
  color: colours.text,
  fontSize: "28px",
  fontWeight: 600,
  letterSpacing: "0.3em",
  lineHeight: "36px",
  margin: "0 0 16px",
  padding: "12px 16px",
  textAlign: "center" as const,
};
