import { CallToAction, EmailLayout, Greeting, Paragraph, SmallPrint } from "./_components/layout";

export interface AccessEndingProps {
  clinicName: string;
  granterName: string;
  /** e.g. "Tom Baker's access to “Follow-up consultation”" */
  what: string;
  /** The last day of access, e.g. "31 Jan". */
  lastDay: string;
  extendUrl: string;
  letItEndUrl: string;
}

/** Three days before an end date: the person who granted the access decides whether it goes on. */
export default function AccessEndingEmail({ clinicName, granterName, what, lastDay, extendUrl, letItEndUrl }: AccessEndingProps) {
  const ending = `${what} ends after ${lastDay}, the end date set when it was given.`;
  return (
    <EmailLayout clinicName={clinicName} preview={ending}>
      <Greeting name={granterName} />
      <Paragraph>{ending}</Paragraph>
      <Paragraph>To keep it going, choose a later end date (or none). To let it end, do nothing: it ends by itself and you will be told.</Paragraph>
      <CallToAction href={extendUrl}>Extend</CallToAction>
      <CallToAction href={letItEndUrl}>Let it end</CallToAction>
      <SmallPrint>{"You'll need to be signed in to Carebridge."}</SmallPrint>
    </EmailLayout>
  );
}

AccessEndingEmail.PreviewProps = {
  clinicName: "Riverside Health Clinic",
  granterName: "Dr Priya Shah",
  what: "Tom Baker's access to “Follow-up consultation, 14 March”",
  lastDay: "31 Jan",
  extendUrl: "https://carebridge.example/sessions/preview-session",
  letItEndUrl: "https://carebridge.example/notifications",
} satisfies AccessEndingProps;
