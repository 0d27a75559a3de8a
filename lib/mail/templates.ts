import type { ComponentType } from "react";
import MemberInvitation, { type MemberInvitationProps } from "@/emails/member-invitation";
import SessionShared, { type SessionSharedProps } from "@/emails/session-shared";
import SessionAccessChanged, { type SessionAccessChangedProps } from "@/emails/session-access-changed";
import ClientAccessGranted, { type ClientAccessGrantedProps } from "@/emails/client-access-granted";
import DocumentShared, { type DocumentSharedProps } from "@/emails/document-shared";
import PortalInvitation, { type PortalInvitationProps } from "@/emails/portal-invitation";
import IntakeForm, { type IntakeFormProps } from "@/emails/intake-form";
import PortalProfileAdded, { type PortalProfileAddedProps } from "@/emails/portal-profile-added";
import SecurityCodeEmail, { type SecurityCodeEmailProps } from "@/emails/security-code-email";
import EmergencyAccessUsed, { type EmergencyAccessUsedProps } from "@/emails/emergency-access-used";
import TwoFactorReset, { type TwoFactorResetProps } from "@/emails/two-factor-reset";
import AccessEnding, { type AccessEndingProps } from "@/emails/access-ending";
import AccessRequested, { type AccessRequestedProps } from "@/emails/access-requested";
import AccessRequestDeclined, { type AccessRequestDeclinedProps } from "@/emails/access-request-declined";
import ShareLinkReminder, { type ShareLinkReminderProps } from "@/emails/share-link-reminder";
import { sharedDocuments } from "@/emails/_components/documents-wording";

/** Every email the app sends: its React Email component and its subject line. */
export const EMAIL_TEMPLATES = {
  "member-invitation": {
    component: MemberInvitation as ComponentType<MemberInvitationProps>,
    subject: (p: MemberInvitationProps) => `${p.inviterName} invited you to ${p.clinicName} on Carebridge`,
  },
  "session-shared": {
    component: SessionShared as ComponentType<SessionSharedProps>,
    subject: (p: SessionSharedProps) => `${p.sharerName} shared a session with you`,
  },
  "session-access-changed": {
    component: SessionAccessChanged as ComponentType<SessionAccessChangedProps>,
    subject: (p: SessionAccessChangedProps) => `Your access to a session changed to ${p.accessLabel}`,
  },
  "client-access-granted": {
    component: ClientAccessGranted as ComponentType<ClientAccessGrantedProps>,
    subject: (p: ClientAccessGrantedProps) => `${p.grantedByName} gave you access to a client chart`,
  },
  "document-shared": {
    component: DocumentShared as ComponentType<DocumentSharedProps>,
    // Nothing clinical: the subject names the clinic and the sender only.
    subject: (p: DocumentSharedProps) => `${p.clinicName} shared ${sharedDocuments(p.documentCount)} with you`,
  },
  "portal-invitation": {
    component: PortalInvitation as ComponentType<PortalInvitationProps>,
    subject: (p: PortalInvitationProps) => `${p.clinicName} invited you to its client portal`,
  },
  "intake-form": {
    component: IntakeForm as ComponentType<IntakeFormProps>,
    subject: (p: IntakeFormProps) => `${p.clinicName}: a form to complete before your appointment`,
  },
  "portal-profile-added": {
    component: PortalProfileAdded as ComponentType<PortalProfileAddedProps>,
    // Nothing clinical: the clinic only (the profile's name is in the body).
    subject: (p: PortalProfileAddedProps) => `${p.clinicName} added a profile to your client portal`,
  },
  "security-code-email": {
    component: SecurityCodeEmail as ComponentType<SecurityCodeEmailProps>,
    // The code is in the body only: a subject shows on lock screens.
    subject: (p: SecurityCodeEmailProps) => `Your code to view ${sharedDocuments(p.documentCount)} from ${p.clinicName}`,
  },
  "emergency-access-used": {
    component: EmergencyAccessUsed as ComponentType<EmergencyAccessUsedProps>,
    subject: (p: EmergencyAccessUsedProps) => `${p.clinicianName} used emergency access`,
  },
  "two-factor-reset": {
    component: TwoFactorReset as ComponentType<TwoFactorResetProps>,
    subject: (p: TwoFactorResetProps) => `${p.clinicName} reset two-factor sign-in on your account`,
  },
  "access-ending": {
    component: AccessEnding as ComponentType<AccessEndingProps>,
    subject: (p: AccessEndingProps) => `Access you gave ends after ${p.lastDay}: extend it or let it end`,
  },
  "access-requested": {
    component: AccessRequested as ComponentType<AccessRequestedProps>,
    subject: (p: AccessRequestedProps) => `${p.requesterName} asked for access`,
  },
  "access-request-declined": {
    component: AccessRequestDeclined as ComponentType<AccessRequestDeclinedProps>,
    subject: (p: AccessRequestDeclinedProps) => `${p.deciderName} declined your request for access`,
  },
  "share-link-reminder": {
    component: ShareLinkReminder as ComponentType<ShareLinkReminderProps>,
    // Nothing clinical, like "document-shared".
    subject: (p: ShareLinkReminderProps) => `Reminder: ${p.clinicName} shared ${sharedDocuments(p.documentCount)} with you`,
  },
} as const;

export type EmailTemplateName = keyof typeof EMAIL_TEMPLATES;
export type EmailProps<T extends EmailTemplateName> = Parameters<(typeof EMAIL_TEMPLATES)[T]["subject"]>[0];
