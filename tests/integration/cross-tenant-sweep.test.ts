import { endEmergencyAccess } from "@/lib/emergency-access/end-emergency-access";
import { grantEmergencyAccess } from "@/lib/emergency-access/grant-emergency-access";
import { listEmergencyAccess } from "@/lib/emergency-access/list-emergency-access";
import { reviewEmergencyAccess } from "@/lib/emergency-access/review-emergency-access";
import { eq, getTableName, is } from "drizzle-orm";
import { PgTable } from "drizzle-orm/pg-core";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import * as s from "@/db/schema";
import type { StaffActor } from "@/lib/access/actor";
import { BUILT_IN_ROLES } from "@/lib/access/permissions";
import { loadStaffActor } from "@/lib/auth/load-staff-actor";
import { getMemberTwoFactorStatus } from "@/lib/auth/two-factor/get-two-factor-status";
import { resetMemberTwoFactor } from "@/lib/auth/two-factor/reset-member-two-factor";
import { acceptPortalInvitation } from "@/lib/client-portal/accept-portal-invitation";
import { getPortalForm, saveIntakeAnswers } from "@/lib/client-portal/intake";
import { findPortalProfile, listMyProfiles } from "@/lib/client-portal/portal-profiles";
import type { PortalClient } from "@/lib/client-portal/types";
import { createClient } from "@/lib/clients/create-client";
import { createSeparateProfile } from "@/lib/clients/create-separate-profile";
import { getClientChart } from "@/lib/clients/get-client-chart";
import { getIntakeAnswers } from "@/lib/clients/get-intake-answers";
import { findLinkCandidates, getPortalTab } from "@/lib/clients/get-portal-tab";
import { inviteToPortal } from "@/lib/clients/invite-to-portal";
import { linkClientContact } from "@/lib/clients/link-client-contact";
import { listClientSessions } from "@/lib/clients/list-client-sessions";
import { listClients } from "@/lib/clients/list-clients";
import { listPractitioners } from "@/lib/clients/list-practitioners";
import { removeClientLink } from "@/lib/clients/remove-client-link";
import { revokePortalAccess } from "@/lib/clients/revoke-portal-access";
import { sendIntakeForm } from "@/lib/clients/send-intake-form";
import { setClientAccess } from "@/lib/clients/set-client-access";
import { updateClient } from "@/lib/clients/update-client";
import { archiveContact } from "@/lib/contacts/archive-contact";
import { getContact, listContacts, searchContacts } from "@/lib/contacts/list-contacts";
import { saveContact } from "@/lib/contacts/save-contact";
import { changeShare } from "@/lib/documents/change-share";
import { listExternalShares } from "@/lib/documents/list-external-shares";
import { reshareDocument } from "@/lib/documents/reshare-document";
import { revokeShares } from "@/lib/documents/revoke-shares";
import { getDocumentFile, getDocumentPdf } from "@/lib/documents/document-pdf";
import { getDocument } from "@/lib/documents/get-document";
import { listClientChoices, listClientDocuments, listDocuments } from "@/lib/documents/list-documents";
import { saveDocument } from "@/lib/documents/save-document";
import { shareDocument } from "@/lib/documents/share-document";
import { countUnread } from "@/lib/notifications/count-unread";
import { listNotifications } from "@/lib/notifications/list-notifications";
import { markAllNotificationsRead } from "@/lib/notifications/mark-all-notifications-read";
import { markNotificationRead } from "@/lib/notifications/mark-notification-read";
import { changeInvitation } from "@/lib/organisations/change-invitation";
import { changeMemberRole } from "@/lib/organisations/change-member-role";
import { changeTeamMembership } from "@/lib/organisations/change-team-membership";
import { deleteRole } from "@/lib/organisations/delete-role";
import { inviteMember } from "@/lib/organisations/invite-member";
import { getMember, getRole, listMembers, listRoles, listTeams } from "@/lib/organisations/queries";
import { removeMember } from "@/lib/organisations/remove-member";
import { renameTeam } from "@/lib/organisations/rename-team";
import { deleteTeam } from "@/lib/organisations/delete-team";
import { saveRole } from "@/lib/organisations/save-role";
import { setMemberTeams } from "@/lib/organisations/set-member-teams";
import { addSessionDocument } from "@/lib/sessions/add-session-document";
import { changeShareLevel } from "@/lib/sessions/change-share-level";
import { createSession } from "@/lib/sessions/create-session";
import { deleteSession } from "@/lib/sessions/delete-session";
import { getSession } from "@/lib/sessions/get-session";
import { listMyTeams } from "@/lib/sessions/list-my-teams";
import { listSessions } from "@/lib/sessions/list-sessions";
import { searchPatientChoices } from "@/lib/sessions/search-patient-choices";
import { removeSessionDocument } from "@/lib/sessions/remove-session-document";
import { removeShare } from "@/lib/sessions/remove-share";
import { searchColleagues } from "@/lib/sessions/search-colleagues";
import { setSessionPatient } from "@/lib/sessions/set-session-patient";
import { setSessionVisibility } from "@/lib/sessions/set-session-visibility";
import { shareSession } from "@/lib/sessions/share-session";
import { getSessionHandover } from "@/lib/sessions/transfer-sessions";
import { updateSession } from "@/lib/sessions/update-session";
import { downloadMyDisclosureRecord, getMyDisclosureRecord } from "@/lib/client-portal/disclosure-record";
import { endChartAccess } from "@/lib/clients/end-chart-access";
import { getChartDisclosureRecordPdf } from "@/lib/clients/get-chart-disclosure-record";
import { listChartAccess } from "@/lib/clients/list-chart-access";
import { listChartHistory } from "@/lib/clients/list-chart-history";
import { removeClientAccess } from "@/lib/clients/remove-client-access";
import { setAccessEnd } from "@/lib/access-ends/set-access-end";
import { answerAccessRequest } from "@/lib/access-requests/answer-access-request";
import { getAccessRequest } from "@/lib/access-requests/get-access-request";
import { findMyPendingRequest, requestAccess } from "@/lib/access-requests/request-access";
import { getChartOverview } from "@/lib/clients/get-chart-overview";
import { findDuplicateClients } from "@/lib/clients/find-duplicate-clients";
import { getRecordTitle } from "@/lib/records/get-record-title";
import { findShareById } from "@/lib/portal/find-share";
import { openShareLink } from "@/lib/portal/open-link";
import { discardReply } from "@/lib/replies/discard-reply";
import { fileReply } from "@/lib/replies/file-reply";
import { getReplyFile } from "@/lib/replies/get-reply-file";
import { listChartReplies } from "@/lib/replies/list-chart-replies";
import { sendReply } from "@/lib/replies/send-reply";
import { createContact, createDocument, createMember, createOrganisation, createTeam, setSharing } from "../support/factories";
import { latestMessageTo, tokenFromLink } from "../support/outbox";

/**
 * Cross-tenant IDOR sweep (issue 9, item 3). Two organisations, each with sessions, clients,
 * documents, contacts, shares, portal profiles, intake forms, members, teams and roles. Every
 * lib/ domain function and list is called by organisation A's actors with organisation B's ids
 * (and with A's records pointing at B's), and must refuse, or answer without anything of B's, and
 * change no row anywhere. The actors are A's admin (every permission) and someone who works at
 * both clinics acting in A (B's session is shared with them, B's chart is on their list, they sit
 * in B's team): being a member of B must give nothing while acting in A.
 *
 * A new domain function gets its line in PROBES below (grouped by lib/ folder). Functions that
 * take no id (createTeam, createClient without a practitioner, saveRole without roleId, the
 * sharing settings) act on the actor's own organisation by construction and are not listed.
 */

type World = Awaited<ReturnType<typeof buildOrganisation>>;
interface Ctx {
  a: World;
  b: World;
  /** A session of A's that the probing actor owns (so a refusal is about B's id, not A's record). */
  own: string;
}
type Probe = {
  name: string;
  run: (actor: StaffActor, ctx: Ctx) => Promise<unknown>;
  /** Default: refused with not_found (or invalid_input on a field). A list: nothing of B's in the answer. */
  expect?: "list";
};

const FORM_FIELDS = [{ id: "reason", label: "Reason", type: "text", required: true }];

async function buildOrganisation(prefix: string) {
  const org = await createOrganisation(`${prefix} Clinic`);
  await setSharing(org.id, { sharingEnabled: true, securityLevel: "link" });
  const team = await createTeam(org.id, `${prefix} Team`);
  const admin = await createMember(org, { role: "admin", name: `${prefix} Admin`, teamIds: [team.id] });
  const clinician = await createMember(org, { role: "clinician", name: `${prefix} Clinician`, teamIds: [team.id] });
  const { roleId } = await saveRole(admin, { name: `${prefix} Locum`, permissions: BUILT_IN_ROLES.clinician.permissions });
  const { membershipId: invitedMembershipId } = await inviteMember(admin, { name: `${prefix} Invitee`, email: `${prefix.toLowerCase()}-invitee@clinic.test`, roleId, teamIds: [] });
  const clientEmail = `${prefix.toLowerCase()}-client@example.test`;
  const { clientId } = await createClient(admin, { firstName: `${prefix}first`, lastName: `${prefix}last`, dateOfBirth: null, email: clientEmail, phone: null, practitionerId: clinician.userId });
  const contact = await createContact(org.id, { name: `${prefix} Contact GP`, email: `${prefix.toLowerCase()}-gp@gp.test` });
  const document = await createDocument(org.id, { clientId, authorId: clinician.userId, title: `${prefix} Letter` });
  const { shareId } = await shareDocument(admin, { documentId: document.id, contactId: contact.id, purpose: "continuing_care" });
  // The contact opens the share and sends a document back: a reply waiting in the chart's Inbox.
  const portalReq = { ip: "203.0.113.1", userAgent: "test" };
  await openShareLink(tokenFromLink((await latestMessageTo(`${prefix.toLowerCase()}-gp@gp.test`, "document-shared"))?.link), portalReq);
  const openedShare = await findShareById(await getDb(), shareId);
  const { replyId } = await sendReply(openedShare!, portalReq, { filename: `${prefix}-reply.pdf`, bytes: Buffer.from("%PDF-1.4\n", "latin1"), note: `${prefix} reply note` });
  const { sessionId } = await createSession(clinician, { title: `${prefix} Session`, clientId, teamId: team.id, visibility: "team" });
  await shareSession(clinician, { sessionId, userIds: [admin.userId], access: "full" });
  const { documentId: sessionDocumentId } = await addSessionDocument(clinician, { sessionId, title: `${prefix} Session note`, body: "Text." });
  const { linkId } = await linkClientContact(admin, {
    clientId,
    target: "contact",
    name: `${prefix} Parent`,
    email: `${prefix.toLowerCase()}-parent@example.test`,
    mobile: null,
    relationship: "parent",
    canManage: true,
  });
  const { portalAccountId } = await inviteToPortal(admin, { clientId, who: "profile", canManage: true });
  const token = tokenFromLink((await latestMessageTo(clientEmail, "portal-invitation"))?.link);
  await acceptPortalInvitation({ token, password: `${prefix}-portal-password` });
  const db = await getDb();
  const [form] = await db.insert(s.intakeForms).values({ organisationId: org.id, name: `${prefix} Intake`, fields: FORM_FIELDS }).returning();
  const { requestId } = await sendIntakeForm(admin, { clientId, formId: form!.id });
  const asker = await createMember(org, { role: "clinician", name: `${prefix} Asker` });
  await requestAccess(asker, { targetType: "client", targetId: clientId });
  const [accessRequest] = await db.select().from(s.accessRequests).where(eq(s.accessRequests.requesterId, asker.userId));
  const [notification] = await db.select().from(s.notifications).where(eq(s.notifications.userId, admin.userId));
  // A use of emergency access inside the organisation (a row, so the sweep has an id to aim at).
  const [grant] = await db
    .insert(s.emergencyAccessGrants)
    .values({ organisationId: org.id, userId: clinician.userId, clientId, reason: `${prefix} emergency reason`, expiresAt: new Date(Date.now() + 3_600_000) })
    .returning();
  return {
    org,
    team,
    admin,
    clinician,
    roleId,
    invitedMembershipId,
    clientId,
    contactId: contact.id,
    documentId: document.id,
    shareId,
    replyId,
    sessionId,
    sessionDocumentId,
    linkId,
    portalAccountId,
    portal: { accountId: portalAccountId, name: "", email: clientEmail, sessionId: "" } satisfies PortalClient,
    formId: form!.id,
    requestId,
    notificationId: notification!.id,
    emergencyGrantId: grant!.id,
    accessRequestId: accessRequest!.id,
  };
}

const PROBES: Probe[] = [
  // lib/sessions
  { name: "getSession(B session)", run: (x, { b }) => getSession(x, b.sessionId) },
  { name: "updateSession(B session)", run: (x, { b }) => updateSession(x, { sessionId: b.sessionId, notes: "overwritten" }) },
  { name: "setSessionPatient(B session)", run: (x, { b }) => setSessionPatient(x, { sessionId: b.sessionId, clientId: null }) },
  { name: "setSessionPatient(A session → B client)", run: (x, { own, b }) => setSessionPatient(x, { sessionId: own, clientId: b.clientId }) },
  { name: "setSessionVisibility(B session)", run: (x, { b }) => setSessionVisibility(x, { sessionId: b.sessionId, visibility: "private", teamId: null }) },
  { name: "setSessionVisibility(A session → B team)", run: (x, { own, b }) => setSessionVisibility(x, { sessionId: own, visibility: "team", teamId: b.team.id }) },
  { name: "shareSession(B session)", run: (x, { b }) => shareSession(x, { sessionId: b.sessionId, userIds: [b.admin.userId], access: "view" }) },
  { name: "shareSession(A session → B member)", run: (x, { own, b }) => shareSession(x, { sessionId: own, userIds: [b.admin.userId], access: "view" }) },
  { name: "changeShareLevel(B session)", run: (x, { b }) => changeShareLevel(x, { sessionId: b.sessionId, userId: b.admin.userId, access: "view" }) },
  { name: "removeShare(B session)", run: (x, { b }) => removeShare(x, { sessionId: b.sessionId, userId: b.admin.userId }) },
  { name: "deleteSession(B session)", run: (x, { b }) => deleteSession(x, { sessionId: b.sessionId }) },
  { name: "addSessionDocument(B session)", run: (x, { b }) => addSessionDocument(x, { sessionId: b.sessionId, title: "Injected", body: "Text" }) },
  { name: "removeSessionDocument(B session)", run: (x, { b }) => removeSessionDocument(x, { sessionId: b.sessionId, documentId: b.sessionDocumentId }) },
  { name: "removeSessionDocument(A session, B document)", run: (x, { own, b }) => removeSessionDocument(x, { sessionId: own, documentId: b.sessionDocumentId }) },
  { name: "searchColleagues(B session)", run: (x, { b }) => searchColleagues(x, { sessionId: b.sessionId, q: "B" }) },
  { name: "searchColleagues(A session, B names)", run: (x, { own }) => searchColleagues(x, { sessionId: own, q: "B " }), expect: "list" },
  { name: "createSession(B team)", run: (x, { b }) => createSession(x, { title: "T", clientId: null, teamId: b.team.id, visibility: "team" }) },
  { name: "createSession(B client)", run: (x, { b }) => createSession(x, { title: "T", clientId: b.clientId, teamId: null, visibility: "private" }) },
  { name: "getSessionHandover(B membership)", run: (x, { b }) => getSessionHandover(x, b.clinician.membershipId) },
  { name: "listSessions(mine)", run: (x) => listSessions(x, { tab: "mine" }), expect: "list" },
  { name: "listSessions(shared)", run: (x) => listSessions(x, { tab: "shared" }), expect: "list" },
  { name: "listSessions(team)", run: (x) => listSessions(x, { tab: "team" }), expect: "list" },
  { name: "listMyTeams", run: (x) => listMyTeams(x), expect: "list" },
  { name: "searchPatientChoices(B session)", run: (x, { b }) => searchPatientChoices(x, { sessionId: b.sessionId, q: "B" }) },
  { name: "searchPatientChoices(A session, B names)", run: (x, { own }) => searchPatientChoices(x, { sessionId: own, q: "Bfirst" }), expect: "list" },
  { name: "searchPatientChoices(new session, B names)", run: (x) => searchPatientChoices(x, { sessionId: null, q: "Bfirst" }), expect: "list" },

  // lib/access-ends, lib/access-requests (a request for B's record is stored and answered like any
  // other, so it is covered in access-requests.test.ts rather than here, where nothing may be written)
  { name: "setAccessEnd(B session share)", run: (x, { b }) => setAccessEnd(x, { grant: "session_share", sessionId: b.sessionId, userId: b.admin.userId, endsOn: null }) },
  { name: "setAccessEnd(B chart access)", run: (x, { b }) => setAccessEnd(x, { grant: "client_access", clientId: b.clientId, userId: b.clinician.userId, endsOn: null }) },
  { name: "setAccessEnd(B portal login)", run: (x, { b }) => setAccessEnd(x, { grant: "portal_profile", clientId: b.clientId, portalAccountId: b.portalAccountId, endsOn: null }) },
  { name: "findMyPendingRequest(B session)", run: (x, { b }) => findMyPendingRequest(x, { targetType: "clinical_session", targetId: b.sessionId }), expect: "list" },
  { name: "getAccessRequest(B request)", run: (x, { b }) => getAccessRequest(x, b.accessRequestId) },
  { name: "answerAccessRequest(B request)", run: (x, { b }) => answerAccessRequest(x, { requestId: b.accessRequestId, answer: "approve" }) },

  // lib/clients
  { name: "getClientChart(B client)", run: (x, { b }) => getClientChart(x, b.clientId, "overview") },
  { name: "getPortalTab(B client)", run: (x, { b }) => getPortalTab(x, b.clientId) },
  { name: "getChartOverview(B client)", run: (x, { b }) => getChartOverview(x, b.clientId) },
  { name: "findDuplicateClients(B email, B name)", run: (x) => findDuplicateClients(x, { firstName: "Bfirst", lastName: "Blast", dateOfBirth: null, email: "b-client@example.test" }), expect: "list" },
  { name: "findLinkCandidates(B client)", run: (x, { b }) => findLinkCandidates(x, { clientId: b.clientId, q: "B" }) },
  { name: "findLinkCandidates(A client, B names)", run: (x, { a }) => findLinkCandidates(x, { clientId: a.clientId, q: "Bfirst" }), expect: "list" },
  { name: "updateClient(B client)", run: (x, { b }) => updateClient(x, { clientId: b.clientId, firstName: "X", lastName: "Y", dateOfBirth: null, email: null, phone: null, address: null }) },
  { name: "setClientAccess(B client)", run: (x, { b }) => setClientAccess(x, { clientId: b.clientId, userIds: [] }) },
  { name: "setClientAccess(A client → B member)", run: (x, { a, b }) => setClientAccess(x, { clientId: a.clientId, userIds: [b.clinician.userId] }) },
  { name: "createSeparateProfile(B client)", run: (x, { a, b }) => createSeparateProfile(x, { clientId: b.clientId, practitionerId: a.clinician.userId }) },
  { name: "createSeparateProfile(A client → B practitioner)", run: (x, { a, b }) => createSeparateProfile(x, { clientId: a.clientId, practitionerId: b.clinician.userId }) },
  {
    name: "linkClientContact(B client)",
    run: (x, { b }) => linkClientContact(x, { clientId: b.clientId, target: "contact", name: "N", email: null, mobile: null, relationship: "other", canManage: false }),
  },
  { name: "linkClientContact(A client → B client)", run: (x, { a, b }) => linkClientContact(x, { clientId: a.clientId, target: "client", linkedClientId: b.clientId, relationship: "self", canManage: true }) },
  { name: "removeClientLink(B client, B link)", run: (x, { b }) => removeClientLink(x, { clientId: b.clientId, linkId: b.linkId }) },
  { name: "removeClientLink(A client, B link)", run: (x, { a, b }) => removeClientLink(x, { clientId: a.clientId, linkId: b.linkId }) },
  { name: "inviteToPortal(B client)", run: (x, { b }) => inviteToPortal(x, { clientId: b.clientId, who: "profile", canManage: true }) },
  { name: "inviteToPortal(A client, B link)", run: (x, { a, b }) => inviteToPortal(x, { clientId: a.clientId, who: b.linkId, canManage: true }) },
  { name: "revokePortalAccess(B client)", run: (x, { b }) => revokePortalAccess(x, { clientId: b.clientId, portalAccountId: b.portalAccountId }) },
  { name: "listChartAccess(B client)", run: (x, { b }) => listChartAccess(x, b.clientId) },
  { name: "listChartAccess(A client)", run: (x, { a }) => listChartAccess(x, a.clientId), expect: "list" },
  { name: "listChartHistory(B client)", run: (x, { b }) => listChartHistory(x, { clientId: b.clientId }) },
  { name: "getChartDisclosureRecordPdf(B client)", run: (x, { b }) => getChartDisclosureRecordPdf(x, { clientId: b.clientId }) },
  { name: "removeClientAccess(B client)", run: (x, { b }) => removeClientAccess(x, { clientId: b.clientId, userId: b.clinician.userId }) },
  { name: "removeClientAccess(A client → B member)", run: (x, { a, b }) => removeClientAccess(x, { clientId: a.clientId, userId: b.clinician.userId }) },
  { name: "endChartAccess(A client, B session share)", run: (x, { a, b }) => endChartAccess(x, { kind: "session_share", clientId: a.clientId, sessionId: b.sessionId, userId: b.admin.userId }) },
  { name: "endChartAccess(A client, B portal login)", run: (x, { a, b }) => endChartAccess(x, { kind: "portal_login", clientId: a.clientId, portalAccountId: b.portalAccountId }) },
  { name: "endChartAccess(A client, B external share)", run: (x, { a, b }) => endChartAccess(x, { kind: "external_share", clientId: a.clientId, shareId: b.shareId }) },
  { name: "revokePortalAccess(A client, B login)", run: (x, { a, b }) => revokePortalAccess(x, { clientId: a.clientId, portalAccountId: b.portalAccountId }) },
  { name: "sendIntakeForm(B client)", run: (x, { a, b }) => sendIntakeForm(x, { clientId: b.clientId, formId: a.formId }) },
  { name: "sendIntakeForm(A client, B form)", run: (x, { a, b }) => sendIntakeForm(x, { clientId: a.clientId, formId: b.formId }) },
  { name: "getIntakeAnswers(B client)", run: (x, { b }) => getIntakeAnswers(x, { clientId: b.clientId, requestId: b.requestId }) },
  { name: "getIntakeAnswers(A client, B request)", run: (x, { a, b }) => getIntakeAnswers(x, { clientId: a.clientId, requestId: b.requestId }) },
  { name: "listClientSessions(B client)", run: (x, { b }) => listClientSessions(x, b.clientId), expect: "list" },
  { name: "listClients(B names)", run: (x) => listClients(x, { q: "Bfirst" }), expect: "list" },
  { name: "listClients", run: (x) => listClients(x, {}), expect: "list" },
  { name: "listPractitioners", run: (x) => listPractitioners(x), expect: "list" },
  { name: "createClient(B practitioner)", run: (x, { b }) => createClient(x, { firstName: "N", lastName: "N", dateOfBirth: null, email: null, phone: null, practitionerId: b.clinician.userId }) },

  // lib/records: a title for B's record is "no title" (the page says Not found)
  ...(["client", "session", "document", "contact", "membership", "role", "team"] as const).map((type) => ({
    name: `getRecordTitle(B ${type})`,
    run: (x: StaffActor, { b }: Ctx) =>
      getRecordTitle(x, type, { client: b.clientId, session: b.sessionId, document: b.documentId, contact: b.contactId, membership: b.invitedMembershipId, role: b.roleId, team: b.team.id }[type]),
    expect: "list" as const,
  })),

  // lib/contacts
  { name: "getContact(B contact)", run: (x, { b }) => getContact(x, b.contactId) },
  { name: "saveContact(B contact)", run: (x, { b }) => saveContact(x, { contactId: b.contactId, name: "X", organisationName: null, role: null, email: null, mobile: null, notes: "" }) },
  { name: "archiveContact(B contact)", run: (x, { b }) => archiveContact(x, { contactId: b.contactId }) },
  { name: "listContacts", run: (x) => listContacts(x, { q: "B Contact" }), expect: "list" },
  { name: "searchContacts", run: (x) => searchContacts(x, "B Contact"), expect: "list" },

  // lib/documents
  { name: "getDocument(B document)", run: (x, { b }) => getDocument(x, b.documentId) },
  { name: "getDocumentPdf(B document)", run: (x, { b }) => getDocumentPdf(x, b.documentId) },
  { name: "getDocumentFile(B document)", run: (x, { b }) => getDocumentFile(x, b.documentId) },
  { name: "saveDocument(edit B document)", run: (x, { b }) => saveDocument(x, { documentId: b.documentId, clientId: b.clientId, kind: "document", title: "X", content: { body: "X" } }) },
  { name: "saveDocument(new, B client)", run: (x, { b }) => saveDocument(x, { clientId: b.clientId, kind: "document", title: "X", content: { body: "X" } }) },
  { name: "shareDocument(B document)", run: (x, { a, b }) => shareDocument(x, { documentId: b.documentId, contactId: a.contactId, purpose: "continuing_care" }) },
  { name: "shareDocument(A document → B contact)", run: (x, { a, b }) => shareDocument(x, { documentId: a.documentId, contactId: b.contactId, purpose: "continuing_care" }) },
  { name: "shareDocument(A document + B document)", run: (x, { a, b }) => shareDocument(x, { documentId: a.documentId, moreDocumentIds: [b.documentId], contactId: a.contactId, purpose: "continuing_care" }) },
  { name: "shareDocument(B document + A document)", run: (x, { a, b }) => shareDocument(x, { documentId: b.documentId, moreDocumentIds: [a.documentId], contactId: a.contactId, purpose: "continuing_care" }) },
  { name: "changeShare(B share, resend)", run: (x, { b }) => changeShare(x, { shareId: b.shareId, change: "resend" }) },
  { name: "changeShare(B share, revoke)", run: (x, { b }) => changeShare(x, { shareId: b.shareId, change: "revoke" }) },
  { name: "reshareDocument(B share)", run: (x, { b }) => reshareDocument(x, { shareId: b.shareId }) },
  { name: "revokeShares(B share)", run: (x, { b }) => revokeShares(x, { shareIds: [b.shareId] }) },
  { name: "listExternalShares", run: (x) => listExternalShares(x, { state: "sent" }), expect: "list" },
  { name: "listClientDocuments(B client)", run: (x, { b }) => listClientDocuments(x, b.clientId) },
  { name: "listDocuments", run: (x) => listDocuments(x), expect: "list" },
  { name: "listClientChoices", run: (x) => listClientChoices(x), expect: "list" },

  // lib/replies (a contact's reply waiting in B's chart's Inbox)
  { name: "listChartReplies(B client)", run: (x, { b }) => listChartReplies(x, b.clientId) },
  { name: "listChartReplies(A client)", run: (x, { a }) => listChartReplies(x, a.clientId), expect: "list" },
  { name: "getReplyFile(B reply)", run: (x, { b }) => getReplyFile(x, b.replyId) },
  { name: "fileReply(B reply)", run: (x, { b }) => fileReply(x, { replyId: b.replyId, kind: "letter", title: "Filed" }) },
  { name: "discardReply(B reply)", run: (x, { b }) => discardReply(x, { replyId: b.replyId }) },

  // lib/organisations
  { name: "getMember(B membership)", run: (x, { b }) => getMember(x, b.clinician.membershipId) },
  { name: "getRole(B role)", run: (x, { b }) => getRole(x, b.roleId) },
  { name: "changeMemberRole(B membership)", run: (x, { a, b }) => changeMemberRole(x, { membershipId: b.clinician.membershipId, roleId: a.roleId }) },
  { name: "changeMemberRole(A membership → B role)", run: (x, { a, b }) => changeMemberRole(x, { membershipId: a.clinician.membershipId, roleId: b.roleId }) },
  { name: "removeMember(B membership)", run: (x, { b }) => removeMember(x, { membershipId: b.clinician.membershipId }) },
  { name: "removeMember(A membership → B successor)", run: (x, { a, b }) => removeMember(x, { membershipId: a.clinician.membershipId, successorMembershipId: b.admin.membershipId }) },
  { name: "changeInvitation(B invitation, resend)", run: (x, { b }) => changeInvitation(x, { membershipId: b.invitedMembershipId, change: "resend" }) },
  { name: "changeInvitation(B invitation, revoke)", run: (x, { b }) => changeInvitation(x, { membershipId: b.invitedMembershipId, change: "revoke" }) },
  { name: "setMemberTeams(B membership)", run: (x, { b }) => setMemberTeams(x, { membershipId: b.clinician.membershipId, teamIds: [] }) },
  { name: "setMemberTeams(A membership → B team)", run: (x, { a, b }) => setMemberTeams(x, { membershipId: a.clinician.membershipId, teamIds: [b.team.id] }) },
  { name: "changeTeamMembership(B team)", run: (x, { a, b }) => changeTeamMembership(x, { teamId: b.team.id, membershipId: a.clinician.membershipId, change: "add" }) },
  { name: "changeTeamMembership(A team, B membership)", run: (x, { a, b }) => changeTeamMembership(x, { teamId: a.team.id, membershipId: b.clinician.membershipId, change: "add" }) },
  { name: "renameTeam(B team)", run: (x, { b }) => renameTeam(x, { teamId: b.team.id, name: "Renamed" }) },
  { name: "deleteTeam(B team)", run: (x, { b }) => deleteTeam(x, { teamId: b.team.id }) },
  { name: "saveRole(B role)", run: (x, { b }) => saveRole(x, { roleId: b.roleId, name: "Renamed", permissions: BUILT_IN_ROLES.admin.permissions }) },
  { name: "deleteRole(B role)", run: (x, { b }) => deleteRole(x, { roleId: b.roleId }) },
  { name: "inviteMember(B role)", run: (x, { b }) => inviteMember(x, { name: "N", email: "n-role@clinic.test", roleId: b.roleId, teamIds: [] }) },
  { name: "inviteMember(B team)", run: (x, { a, b }) => inviteMember(x, { name: "N", email: "n-team@clinic.test", roleId: a.roleId, teamIds: [b.team.id] }) },
  { name: "listMembers", run: (x) => listMembers(x, { includeLeft: true }), expect: "list" },
  { name: "listTeams", run: (x) => listTeams(x), expect: "list" },
  { name: "listRoles", run: (x) => listRoles(x), expect: "list" },

  // lib/auth/two-factor
  { name: "resetMemberTwoFactor(B membership)", run: (x, { b }) => resetMemberTwoFactor(x, { membershipId: b.clinician.membershipId }) },
  { name: "getMemberTwoFactorStatus(B membership)", run: (x, { b }) => getMemberTwoFactorStatus(x, b.clinician.membershipId) },

  // lib/notifications
  { name: "markNotificationRead(B notification)", run: (x, { b }) => markNotificationRead(x, { notificationId: b.notificationId }) },
  { name: "listNotifications", run: (x) => listNotifications(x, { page: 1, pageSize: 100 }), expect: "list" },
  { name: "countUnread", run: (x) => countUnread(x).then(() => []), expect: "list" },
  { name: "markAllNotificationsRead", run: (x) => markAllNotificationsRead(x), expect: "list" },

  // lib/emergency-access
  { name: "grantEmergencyAccess(B client)", run: (x, { b }) => grantEmergencyAccess(x, { kind: "client", recordId: b.clientId, reason: "Patient collapsed in reception" }) },
  { name: "grantEmergencyAccess(B session)", run: (x, { b }) => grantEmergencyAccess(x, { kind: "session", recordId: b.sessionId, reason: "Patient collapsed in reception" }) },
  { name: "endEmergencyAccess(B grant)", run: (x, { b }) => endEmergencyAccess(x, { grantId: b.emergencyGrantId }) },
  { name: "reviewEmergencyAccess(B grant)", run: (x, { b }) => reviewEmergencyAccess(x, { grantId: b.emergencyGrantId, note: "Checked" }) },
  { name: "listEmergencyAccess", run: (x) => listEmergencyAccess(x), expect: "list" },
];

// The client portal's own functions: A's client login with B's profile, form and request.
const PORTAL_PROBES: { name: string; run: (ctx: Ctx) => Promise<unknown>; expect?: "list" | "null" }[] = [
  { name: "findPortalProfile(B profile)", run: ({ a, b }) => findPortalProfile(a.portal, b.clientId), expect: "null" },
  { name: "listMyProfiles", run: ({ a }) => listMyProfiles(a.portal), expect: "list" },
  { name: "getPortalForm(B profile)", run: ({ a, b }) => getPortalForm(a.portal, { profileId: b.clientId, requestId: b.requestId }) },
  { name: "getPortalForm(A profile, B request)", run: ({ a, b }) => getPortalForm(a.portal, { profileId: a.clientId, requestId: b.requestId }) },
  { name: "saveIntakeAnswers(B profile)", run: ({ a, b }) => saveIntakeAnswers(a.portal, { profileId: b.clientId, requestId: b.requestId, answers: { reason: "x" }, mode: "submit" }) },
  { name: "saveIntakeAnswers(A profile, B request)", run: ({ a, b }) => saveIntakeAnswers(a.portal, { profileId: a.clientId, requestId: b.requestId, answers: { reason: "x" }, mode: "submit" }) },
  { name: "getMyDisclosureRecord(B profile)", run: ({ a, b }) => getMyDisclosureRecord(a.portal, { profileId: b.clientId }) },
  { name: "downloadMyDisclosureRecord(B profile)", run: ({ a, b }) => downloadMyDisclosureRecord(a.portal, { profileId: b.clientId }) },
];

/** Every row of every table but the append-only audit log, as sorted JSON: any change shows. */
async function snapshot(): Promise<Record<string, string[]>> {
  const db = await getDb();
  const out: Record<string, string[]> = {};
  for (const table of Object.values(s)) {
    if (!is(table, PgTable) || table === s.auditEvents) continue;
    const rows = await db.select().from(table);
    out[getTableName(table)] = rows.map((r) => JSON.stringify(r)).sort();
  }
  return out;
}

/** Everything of B's an answer must never contain: its ids and its distinctive names. */
function secretsOf(b: World): string[] {
  return [
    b.org.id,
    b.team.id,
    b.admin.userId,
    b.clinician.userId,
    b.admin.membershipId,
    b.clinician.membershipId,
    b.invitedMembershipId,
    b.roleId,
    b.clientId,
    b.contactId,
    b.documentId,
    b.shareId,
    b.replyId,
    "B reply note",
    b.sessionId,
    b.sessionDocumentId,
    b.linkId,
    b.formId,
    b.requestId,
    b.notificationId,
    b.emergencyGrantId,
    "B emergency reason",
    "Bfirst",
    "B Clinic",
    "B Session",
    "B Contact",
    "B Letter",
    "B Locum",
    "B Invitee",
  ];
}

let world: { a: World; b: World };
let actors: { label: string; actor: StaffActor; own: string }[];

beforeAll(async () => {
  const a = await buildOrganisation("A");
  const b = await buildOrganisation("B");
  // Someone who works at both: a clinician at B (B's session shared with them, on B's chart's
  // list, in B's team) and an admin at A, acting in A.
  const both = await createMember(b.org, { role: "clinician", name: "Dual Person", teamIds: [b.team.id] });
  await shareSession(b.clinician, { sessionId: b.sessionId, userIds: [both.userId], access: "full" });
  await setClientAccess(b.admin, { clientId: b.clientId, userIds: [b.clinician.userId, both.userId] });
  const db = await getDb();
  await db.insert(s.memberships).values({ organisationId: a.org.id, userId: both.userId, roleId: a.org.roles.admin });
  const bothInA = (await loadStaffActor(both.userId, a.org.id))!;
  actors = [];
  for (const [label, actor] of [
    ["A admin", a.admin],
    ["A admin who also works at B", bothInA],
  ] as const) {
    const { sessionId: own } = await createSession(actor, { title: "Own session", clientId: a.clientId, teamId: null, visibility: "private" });
    actors.push({ label, actor, own });
  }
  // Nothing of A's own is left unread, so "mark all read" has nothing legitimate to change.
  for (const { actor } of actors) await markAllNotificationsRead(actor);
  world = { a, b };
}, 120_000);

describe("cross-tenant sweep: organisation A's actors with organisation B's ids", () => {
  it("every staff domain function refuses B's ids or answers without B's data, and changes no row", async () => {
    const secrets = secretsOf(world.b);
    const failures: string[] = [];
    for (const { label, actor, own } of actors) {
      const ctx = { ...world, own };
      for (const probe of PROBES) {
        const before = await snapshot();
        let outcome: { ok: true; value: unknown } | { ok: false; error: unknown };
        try {
          outcome = { ok: true, value: await probe.run(actor, ctx) };
        } catch (error) {
          outcome = { ok: false, error };
        }
        const where = `${label}: ${probe.name}`;
        if (probe.expect === "list") {
          if (!outcome.ok) failures.push(`${where} threw ${String((outcome.error as { code?: string }).code ?? outcome.error)}`);
          else {
            const text = JSON.stringify(outcome.value);
            const leaked = secrets.filter((x) => text.includes(x));
            if (leaked.length) failures.push(`${where} answered with B's ${leaked.join(", ")}`);
          }
        } else if (outcome.ok) {
          failures.push(`${where} was not refused`);
        } else {
          const code = (outcome.error as { code?: string }).code;
          if (code !== "not_found" && code !== "invalid_input") failures.push(`${where} refused with ${String(code ?? outcome.error)}, not not_found`);
        }
        const after = await snapshot();
        for (const table of Object.keys(before)) {
          if (JSON.stringify(before[table]) !== JSON.stringify(after[table])) failures.push(`${where} changed rows of ${table}`);
        }
      }
    }
    expect(failures).toEqual([]);
  }, 600_000);

  it("the client portal's functions refuse A's client login B's profiles, forms and requests", async () => {
    const secrets = secretsOf(world.b);
    const failures: string[] = [];
    const ctx = { ...world, own: "" };
    for (const probe of PORTAL_PROBES) {
      const before = await snapshot();
      try {
        const value = await probe.run(ctx);
        if (probe.expect === "null" && value !== null) failures.push(`${probe.name} answered`);
        if (probe.expect === "list" && secrets.some((x) => JSON.stringify(value).includes(x))) failures.push(`${probe.name} answered with B's data`);
        if (!probe.expect) failures.push(`${probe.name} was not refused`);
      } catch (error) {
        if (probe.expect || (error as { code?: string }).code !== "not_found") failures.push(`${probe.name} threw ${String((error as { code?: string }).code ?? error)}`);
      }
      const after = await snapshot();
      if (JSON.stringify(before) !== JSON.stringify(after)) failures.push(`${probe.name} changed rows`);
    }
    expect(failures).toEqual([]);
  });
});
