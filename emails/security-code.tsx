import { Text } from "@react-email/components";
import { EmailLayout, SmallPrint } from "./_components/layout";
import { sharedDocuments } from "./_components/documents-wording";
import { plural } from "./_components/plural";
import { colours } from "./_components/theme";

/** The code a contact types into the sharing portal. Sent by SMS, not email. */
export interface SecurityCodeProps {
  clinicName: string;
  code: string;
  expiresInMinutes: number;
  /** The documents the code opens, when the share holds several; absent for one. */
  documentCount?: number;
}

/** One SMS segment holds 160 GSM-7 characters; a longer body costs and splits. */
const SMS_SEGMENT = 160;

/**
 * Typographic punctuation is outside the GSM-7 alphabet: one curly apostrophe in a clinic's
 * name would switch the whole message to UCS-2, where a segment holds only 70 characters.
 */
function toSmsSafe(value: string): string {
  // String(): `email export` renders every template with no props; it must not crash here.
  return String(value)
    .replace(/[‘’]/g, "'")
    .replace(/[“”]/g, '"')
    .replace(/[–—]/g, "-")
    .replace(/…/g, "...")
    .replace(/\s+/g, " ")
    .trim();
}

/**
 * The SMS body. A clinic name too long for one segment is cut at a word boundary: the code and
 * its lifetime always fit.
 */
export function securityCodeText({ clinicName, code, expiresInMinutes, documentCount }: SecurityCodeProps): string {
  const before = `${code} is your Carebridge code to view ${sharedDocuments(documentCount)} from `;
  const after = `. It expires in ${plural(expiresInMinutes, "minute")}. Never share it.`;
  let clinic = toSmsSafe(clinicName);
  const room = SMS_SEGMENT - before.length - after.length;
  if (clinic.length > room) {
    // One character beyond the room shows whether the cut falls between two words.
    const lastSpace = clinic.slice(0, room + 1).lastIndexOf(" ");
    clinic = clinic.slice(0, lastSpace > 0 ? lastSpace : room).replace(/[\s,.;:-]+$/, "");
  }
  return `${before}${clinic}${after}`;
}

/** Not sent as an email: this renders the SMS inside the layout so it shows in the preview. */
export default function SecurityCodeSms(props: SecurityCodeProps) {
  const text = securityCodeText(props);
  return (
    <EmailLayout clinicName={props.clinicName} preview={text}>
      <SmallPrint>Text message to the contact&apos;s mobile:</SmallPrint>
      <Text style={sms}>{text}</Text>
      <SmallPrint>{`${text.length} of ${SMS_SEGMENT} characters.`}</SmallPrint>
    </EmailLayout>
  );
}

SecurityCodeSms.PreviewProps = {
  clinicName: "Riverside Health Clinic",
  code: "482913",
  expiresInMinutes: 10,
} satisfies SecurityCodeProps;

const sms = {
  backgroundColor: colours.page,
  borderRadius: "12px",
  color: colours.text,
  fontSize: "15px",
  lineHeight: "22px",
  margin: "0 0 16px",
  padding: "12px 16px",
};
