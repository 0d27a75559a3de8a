import { CallToAction, EmailLayout, Greeting, Paragraph, SmallPrint } from "./_components/layout";

export interface TwoFactorResetProps {
  clinicName: string;
  adminName: string;
  memberName: string;
  signInUrl: string;
  /** The clinic requires two-factor sign-in: they set it up again at their next sign-in. */
  required: boolean;
}

/** Sent to a member whose second factor an admin reset (a lost phone): so a reset they did not ask for is noticed. */
export default function TwoFactorResetEmail({ clinicName, adminName, memberName, signInUrl, required }: TwoFactorResetProps) {
  const what = `${adminName} at ${clinicName} has reset two-factor sign-in on your Carebridge account.`;
  return (
    <EmailLayout clinicName={clinicName} preview={what}>
      <Greeting name={memberName} />
      <Paragraph>{what} Your authenticator app and your recovery codes no longer work for Carebridge.</Paragraph>
      <Paragraph>
        {required
          ? "Your clinic requires two-factor sign-in: at your next sign-in you will be asked to set it up again with your authenticator app."
          : "You can sign in with your password. Set up two-factor sign-in again from your account page."}
      </Paragraph>
      <CallToAction href={signInUrl}>Sign in to Carebridge</CallToAction>
      <SmallPrint>If you did not ask for this, tell your clinic&apos;s admin at once and change your password.</SmallPrint>
    </EmailLayout>
  );
}

TwoFactorResetEmail.PreviewProps = {
  clinicName: "Riverside Health Clinic",
  adminName: "Helen Carter",
  memberName: "Maya Patel",
  signInUrl: "https://carebridge.example/sign-in",
  required: true,
} satisfies TwoFactorResetProps;
