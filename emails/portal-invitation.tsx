import { CallToAction, EmailLayout, Greeting, Paragraph, SmallPrint } from "./_components/layout";
import { plural } from "./_components/plural";

export interface PortalInvitationProps {
  clinicName: string;
  inviterName: string;
  clientName: string;
  setPasswordUrl: string;
  canManage: boolean;
  expiresInHours: number;
  /** The email already has a portal login (perhaps from another clinic): they accept with their password. */
  hasLogin?: boolean;
}

export default function PortalInvitationEmail({
  clinicName,
  inviterName,
  clientName,
  setPasswordUrl,
  canManage,
  expiresInHours,
  hasLogin = false,
}: PortalInvitationProps) {
  const invitation = `${inviterName} at ${clinicName} has invited you to the client portal, where you can see your details and complete forms the clinic sends you.`;
  return (
    <EmailLayout clinicName={clinicName} preview={`${inviterName} at ${clinicName} has invited you to the client portal.`}>
      <Greeting name={clientName} />
      <Paragraph>{invitation}</Paragraph>
      {canManage ? (
        <Paragraph>You can also manage the information of the profiles linked to your login.</Paragraph>
      ) : null}
      {hasLogin ? (
        <Paragraph>{`You already have a client portal login with this email address. Sign in with your password to accept: nothing from ${clinicName} appears in your login until you do.`}</Paragraph>
      ) : null}
      <CallToAction href={setPasswordUrl}>{hasLogin ? "Review the invitation" : "Set up your portal login"}</CallToAction>
      <SmallPrint>{`This link works once and expires in ${plural(expiresInHours, "hour")}.`}</SmallPrint>
    </EmailLayout>
  );
}

PortalInvitationEmail.PreviewProps = {
  clinicName: "Riverside Health Clinic",
  inviterName: "Helen Carter",
  clientName: "Margaret Ellis",
  setPasswordUrl: "https://carebridge.example/portal/invitation/preview-token",
  canManage: true,
  expiresInHours: 72,
} satisfies PortalInvitationProps;
