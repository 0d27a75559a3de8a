import { CallToAction, EmailLayout, Greeting, Paragraph, Quote, SmallPrint } from "./_components/layout";

export interface AccessRequestedProps {
  clinicName: string;
  approverName: string;
  requesterName: string;
  /** e.g. "the session “Follow-up consultation”" or "the chart of Olivia Jones" */
  what: string;
  message?: string | null;
  /** One button per answer: "Approve at View", "Approve at Edit", "Decline" (charts: "Approve", "Decline"). */
  answers: { label: string; url: string }[];
}

export default function AccessRequestedEmail({ clinicName, approverName, requesterName, what, message, answers }: AccessRequestedProps) {
  const asked = `${requesterName} asked for access to ${what}.`;
  const note = message?.trim();
  return (
    <EmailLayout clinicName={clinicName} preview={asked}>
      <Greeting name={approverName} />
      <Paragraph>{asked}</Paragraph>
      {note ? <Quote author={requesterName} text={note} /> : null}
      {answers.map((a) => (
        <CallToAction key={a.label} href={a.url}>
          {a.label}
        </CallToAction>
      ))}
      <SmallPrint>{"Each button opens the request in Carebridge, where you confirm your answer. Requests expire after 14 days."}</SmallPrint>
    </EmailLayout>
  );
}

AccessRequestedEmail.PreviewProps = {
  clinicName: "Riverside Health Clinic",
  approverName: "Dr Priya Shah",
  requesterName: "Tom Baker",
  what: "the session “Follow-up consultation, 14 March”",
  message: "I'm covering Friday's review.",
  answers: [
    { label: "Approve at View", url: "https://carebridge.example/access-requests/preview?answer=view" },
    { label: "Approve at Edit", url: "https://carebridge.example/access-requests/preview?answer=edit" },
    { label: "Decline", url: "https://carebridge.example/access-requests/preview?answer=decline" },
  ],
} satisfies AccessRequestedProps;
