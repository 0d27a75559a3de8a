import { CallToAction, EmailLayout, Greeting, Paragraph, SmallPrint } from "./_components/layout";
import { plural } from "./_components/plural";

export interface MemberInvitationProps {
  clinicName: string;
  inviterName: string;
  inviteeName: string;
  roleName: string;
  setPasswordUrl: string;
  expiresInHours: number;
  /** The email already has a Carebridge account (perhaps at another clinic): they accept with their password. */
  hasAccount?: boolean;
}

export default function MemberInvitationEmail({
  clinicName,
  inviterName,
  inviteeName,
  roleName,
  setPasswordUrl,
  expiresInHours,
  hasAccount = false,
}: MemberInvitationProps) {
  const invitation = `${inviterName} has invited you to join ${clinicName} on Carebridge as ${roleName}.`;
  return (
    <EmailLayout clinicName={clinicName} preview={invitation}>
      <Greeting name={inviteeName} />
      <Paragraph>{invitation}</Paragraph>
      <Paragraph>
        {hasAccount
          ? "You already have a Carebridge account with this email address: sign in with your password to accept."
          : "Set a password to finish creating your account."}
      </Paragraph>
      <CallToAction href={setPasswordUrl}>{hasAccount ? "Accept the invitation" : "Set your password"}</CallToAction>
      <SmallPrint>{`This link works once and expires in ${plural(expiresInHours, "hour")}.`}</SmallPrint>
    </EmailLayout>
  );
}

MemberInvitationEmail.PreviewProps = {
  clinicName: "Riverside Health Clinic",
  inviterName: "Dr Priya Shah",
  inviteeName: "Tom Baker",
  roleName: "Clinician",
  setPasswordUrl: "https://carebridge.example/invitation/preview-token",
  expiresInHours: 24,
} satisfies MemberInvitationProps;
