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
    subject: (p: DocumentSharedProps) => `${p.clinicName} shared a document with you`,
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
    subject: (p: SecurityCodeEmailProps) => `Your code to view a document from ${p.clinicName}`,
  },
} as const;

export type EmailTemplateName = keyof typeof EMAIL_TEMPLATES;
export type EmailProps<T extends EmailTemplateName> = Parameters<(typeof EMAIL_TEMPLATES)[T]["subject"]>[0];
