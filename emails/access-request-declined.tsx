import { EmailLayout, Greeting, Paragraph, SmallPrint } from "./_components/layout";

export interface AccessRequestDeclinedProps {
  clinicName: string;
  requesterName: string;
  deciderName: string;
  /** The request's date, e.g. "30 Nov 2026" — the record itself is not named to someone without access. */
  requestedOn: string;
  /** What was asked for, without naming the record: "View access to a session". */
  asked?: string;
  /** Why, in the decider's words, if they gave a reason. */
  reason?: string;
}

export default function AccessRequestDeclinedEmail({ clinicName, requesterName, deciderName, requestedOn, asked, reason }: AccessRequestDeclinedProps) {
  const declined = `${deciderName} declined your request of ${requestedOn} for ${asked ?? "access"}.`;
  return (
    <EmailLayout clinicName={clinicName} preview={declined}>
      <Greeting name={requesterName} />
      <Paragraph>{declined}</Paragraph>
      {reason ? <Paragraph>{`Their reason: “${reason}”`}</Paragraph> : null}
      <Paragraph>If you still need access, speak to them directly.</Paragraph>
      <SmallPrint>{"You received this because you asked for access in Carebridge."}</SmallPrint>
    </EmailLayout>
  );
}

AccessRequestDeclinedEmail.PreviewProps = {
  clinicName: "Riverside Health Clinic",
  requesterName: "Tom Baker",
  deciderName: "Dr Priya Shah",
  requestedOn: "30 Nov 2026",
  asked: "View access to a session",
} satisfies AccessRequestDeclinedProps;
