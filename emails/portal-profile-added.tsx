import { CallToAction, EmailLayout, Greeting, Paragraph, SmallPrint } from "./_components/layout";

export interface PortalProfileAddedProps {
  clinicName: string;
  inviterName: string;
  /** The portal login's person (the greeting). */
  clientName: string;
  /** The profile that was added (often the same name: a separate profile of the same person). */
  profileName: string;
  portalUrl: string;
  canManage: boolean;
}

/**
 * Sent to a portal login that already has a password when it gains another profile: no new
 * password to set, so the client only needs to know where to find it. Nothing clinical: the
 * profile's name and the clinic only.
 */
export default function PortalProfileAddedEmail({ clinicName, inviterName, clientName, profileName, portalUrl, canManage }: PortalProfileAddedProps) {
  const added = `${inviterName} at ${clinicName} has added a profile, ${profileName}, to your client portal login.`;
  return (
    <EmailLayout clinicName={clinicName} preview={added}>
      <Greeting name={clientName} />
      <Paragraph>{added}</Paragraph>
      <Paragraph>
        {canManage
          ? "You'll see it next to your other profiles when you sign in, and you can manage its information and complete the forms the clinic sends to it."
          : "You'll see it next to your other profiles when you sign in. You can view its details and forms; you can't change them."}
      </Paragraph>
      <CallToAction href={portalUrl}>Open the client portal</CallToAction>
      <SmallPrint>Sign in with your usual portal email and password. Nothing else has changed.</SmallPrint>
    </EmailLayout>
  );
}

PortalProfileAddedEmail.PreviewProps = {
  clinicName: "Riverside Health Clinic",
  inviterName: "Helen Carter",
  clientName: "Margaret Ellis",
  profileName: "Margaret Ellis",
  portalUrl: "https://carebridge.example/portal/profiles/preview-profile",
  canManage: true,
} satisfies PortalProfileAddedProps;
