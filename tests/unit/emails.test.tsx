import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import type { ReactElement } from "react";
import { render } from "@react-email/render";
import { describe, expect, it } from "vitest";
import AccessEndingEmail from "@/emails/access-ending";
import AccessRequestDeclinedEmail from "@/emails/access-request-declined";
import AccessRequestedEmail from "@/emails/access-requested";
import ClientAccessGrantedEmail from "@/emails/client-access-granted";
import DocumentSharedEmail, { type DocumentSharedProps } from "@/emails/document-shared";
import EmergencyAccessUsedEmail from "@/emails/emergency-access-used";
import IntakeFormEmail from "@/emails/intake-form";
import MemberInvitationEmail from "@/emails/member-invitation";
import PortalInvitationEmail from "@/emails/portal-invitation";
import PortalProfileAddedEmail from "@/emails/portal-profile-added";
import ShareLinkReminderEmail from "@/emails/share-link-reminder";
import TwoFactorResetEmail from "@/emails/two-factor-reset";
import SecurityCodeSms, { securityCodeText } from "@/emails/security-code";
import SecurityCodeEmail from "@/emails/security-code-email";
import SessionAccessChangedEmail from "@/emails/session-access-changed";
import SessionSharedEmail from "@/emails/session-shared";
import { EMAIL_TEMPLATES } from "@/lib/mail/templates";

const root = path.resolve(__dirname, "../..");

async function renderBoth(element: ReactElement) {
  const [html, text] = await Promise.all([render(element), render(element, { plainText: true })]);
  return { html, text };
}

/** React puts `<!-- -->` between adjacent text nodes, so compare the visible text, not markup. */
function visibleText(html: string): string {
  return html
    .replace(/<!--[\s\S]*?-->/g, "")
    .replace(/<[^>]+>/g, " ")
    .replace(/&#x27;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, "&")
    .replace(/\s+/g, " ");
}

const FOOTER = (clinic: string) =>
  `Sent by Carebridge on behalf of ${clinic}. If you weren't expecting this email, you can ignore it.`;

/** The link a recipient needs: a real href in the HTML, and written out in the text part. */
function expectLink(html: string, text: string, url: string, label: string) {
  expect(html).toContain(`href="${url.replace(/&/g, "&amp;")}"`);
  expect(text).toContain(`${label} ${url}`);
}

const templates = [
  ["member-invitation", <MemberInvitationEmail key="a" {...MemberInvitationEmail.PreviewProps} />],
  ["session-shared", <SessionSharedEmail key="b" {...SessionSharedEmail.PreviewProps} />],
  ["session-access-changed", <SessionAccessChangedEmail key="c" {...SessionAccessChangedEmail.PreviewProps} />],
  ["client-access-granted", <ClientAccessGrantedEmail key="d" {...ClientAccessGrantedEmail.PreviewProps} />],
  ["document-shared", <DocumentSharedEmail key="e" {...DocumentSharedEmail.PreviewProps} />],
  ["portal-invitation", <PortalInvitationEmail key="f" {...PortalInvitationEmail.PreviewProps} />],
  ["intake-form", <IntakeFormEmail key="g" {...IntakeFormEmail.PreviewProps} />],
  ["security-code", <SecurityCodeSms key="h" {...SecurityCodeSms.PreviewProps} />],
  ["portal-profile-added", <PortalProfileAddedEmail key="i" {...PortalProfileAddedEmail.PreviewProps} />],
  ["security-code-email", <SecurityCodeEmail key="j" {...SecurityCodeEmail.PreviewProps} />],
  ["two-factor-reset", <TwoFactorResetEmail key="k" {...TwoFactorResetEmail.PreviewProps} />],
  ["emergency-access-used", <EmergencyAccessUsedEmail key="l" {...EmergencyAccessUsedEmail.PreviewProps} />],
  ["access-ending", <AccessEndingEmail key="m" {...AccessEndingEmail.PreviewProps} />],
  ["access-requested", <AccessRequestedEmail key="n" {...AccessRequestedEmail.PreviewProps} />],
  ["access-request-declined", <AccessRequestDeclinedEmail key="o" {...AccessRequestDeclinedEmail.PreviewProps} />],
  ["share-link-reminder", <ShareLinkReminderEmail key="p" {...ShareLinkReminderEmail.PreviewProps} />],
] as const;

describe("every email template", () => {
  it.each(templates)("%s renders the shared layout, fetches nothing remote and has a clean text part", async (_name, element) => {
    const { html, text } = await renderBoth(element);
    const clinic = "Riverside Health Clinic";
    expect(html).toContain('lang="en-GB"');
    expect(visibleText(html)).toContain(FOOTER(clinic));
    expect(text.startsWith(clinic)).toBe(true);
    expect(text).toContain(FOOTER(clinic));
    // No remote images, stylesheets or web fonts.
    expect(html).not.toMatch(/<img|<link|@import|@font-face|fonts\.googleapis/i);
    expect(text).not.toContain("<!--");
    expect(text).not.toContain("undefined");
  });

  it("has a default-exported template for every file in emails/, and none in emails/_components/", () => {
    // The preview server's own test for "is this file an email" (react-email 6).
    const isEmail = (file: string) => /\bexport\s+default\b/.test(readFileSync(file, "utf8"));
    const top = readdirSync(path.join(root, "emails")).filter((f) => f.endsWith(".tsx"));
    expect(top.sort()).toEqual(templates.map(([name]) => `${name}.tsx`).sort());
    for (const f of top) {
      expect(isEmail(path.join(root, "emails", f))).toBe(true);
      expect(readFileSync(path.join(root, "emails", f), "utf8")).toMatch(/\.PreviewProps = \{/);
    }
    const helpers = readdirSync(path.join(root, "emails/_components"));
    expect(helpers.length).toBeGreaterThan(0);
    for (const f of helpers) expect(isEmail(path.join(root, "emails/_components", f))).toBe(false);
  });
});

describe("member-invitation", () => {
  it("names the inviter, clinic and role, links to set a password and states the expiry", async () => {
    const { html, text } = await renderBoth(
      <MemberInvitationEmail
        clinicName="Riverside Health Clinic"
        inviterName="Dr Priya Shah"
        inviteeName="Tom Baker"
        roleName="Medical secretary"
        setPasswordUrl="https://carebridge.example/invitation/abc?x=1&y=2"
        expiresInHours={48}
      />,
    );
    expect(text).toContain("Hello Tom Baker,");
    expect(text).toContain("Dr Priya Shah has invited you to join Riverside Health Clinic on Carebridge as Medical secretary.");
    expectLink(html, text, "https://carebridge.example/invitation/abc?x=1&y=2", "Set your password");
    expect(text).toContain("This link works once and expires in 48 hours.");
    expect(visibleText(html)).toContain("This link works once and expires in 48 hours.");
  });

  it("says 1 hour, not 1 hours", async () => {
    const { text } = await renderBoth(<MemberInvitationEmail {...MemberInvitationEmail.PreviewProps} expiresInHours={1} />);
    expect(text).toContain("expires in 1 hour.");
  });

  it("escapes names in the HTML", async () => {
    const { html } = await renderBoth(
      <MemberInvitationEmail {...MemberInvitationEmail.PreviewProps} inviterName={'<script>alert("x")</script>'} />,
    );
    expect(html).not.toContain("<script>");
    expect(html).toContain("&lt;script&gt;");
  });
});

describe("session-shared", () => {
  const explanations = {
    View: "With View access you can read the session.",
    Edit: "With Edit access you can edit the session's notes, status, context, documents and patient profile.",
    "Full access": "With Full access you can do everything Edit allows, and you can share the session with colleagues.",
  } as const;

  it.each(Object.entries(explanations) as [keyof typeof explanations, string][])(
    "states the level %s and what it allows",
    async (accessLabel, explanation) => {
      const { html, text } = await renderBoth(
        <SessionSharedEmail {...SessionSharedEmail.PreviewProps} accessLabel={accessLabel} message={null} />,
      );
      expect(text).toContain(
        `Dr Priya Shah shared the session “Follow-up consultation, 14 March” with you (${accessLabel}).`,
      );
      expect(text).toContain(explanation);
      expect(text).not.toContain("wrote:");
      expectLink(html, text, "https://carebridge.example/sessions/preview-session", "Open session");
      expect(text).toContain("You'll need to be signed in to Carebridge.");
      expect(text).toContain("Hello Tom Baker,");
    },
  );

  it("quotes the sharer's message, keeping its lines", async () => {
    const { text } = await renderBoth(<SessionSharedEmail {...SessionSharedEmail.PreviewProps} />);
    expect(text).toContain("Dr Priya Shah wrote:");
    expect(text).toContain("> Could you add your notes from Tuesday before Friday's review?\n> Thanks!");
  });

  it("leaves out a blank message", async () => {
    const { text } = await renderBoth(<SessionSharedEmail {...SessionSharedEmail.PreviewProps} message="   " />);
    expect(text).not.toContain("wrote:");
  });
});

describe("session-access-changed", () => {
  it("states who changed the access, the new level and links to the session", async () => {
    const { html, text } = await renderBoth(<SessionAccessChangedEmail {...SessionAccessChangedEmail.PreviewProps} accessLabel="View" />);
    expect(text).toContain("Hello Tom Baker,");
    expect(text).toContain(
      "Dr Priya Shah changed your access to the session “Follow-up consultation, 14 March” to View.",
    );
    expect(text).toContain("With View access you can read the session.");
    expectLink(html, text, "https://carebridge.example/sessions/preview-session", "Open session");
  });
});

describe("client-access-granted", () => {
  it("names who granted access and the client, and links to the chart", async () => {
    const { html, text } = await renderBoth(<ClientAccessGrantedEmail {...ClientAccessGrantedEmail.PreviewProps} />);
    expect(text).toContain("Hello Dr Priya Shah,");
    expect(text).toContain("Helen Carter gave you access to the chart of Margaret Ellis.");
    expectLink(html, text, "https://carebridge.example/clients/preview-client", "Open chart");
  });
});

describe("document-shared (to an external contact)", () => {
  it("has only non-clinical props in its sample", () => {
    const keys: (keyof DocumentSharedProps)[] = ["clinicName", "senderName", "contactName", "viewUrl", "expiresInHours"];
    expect(Object.keys(DocumentSharedEmail.PreviewProps).sort()).toEqual([...keys].sort());
  });

  it("names the sender and clinic, links to the portal and explains the expiry and the code", async () => {
    const { html, text } = await renderBoth(<DocumentSharedEmail {...DocumentSharedEmail.PreviewProps} />);
    expect(text).toContain("Hello Dr Alan Moore,");
    expect(text).toContain(
      "Dr Priya Shah at Riverside Health Clinic has shared a document with you through Carebridge's secure sharing portal.",
    );
    expectLink(html, text, "https://carebridge.example/s/preview-token", "View document");
    expect(text).toContain(
      "For your security, this link expires if it isn't used within 24 hours. If it has expired, ask Riverside Health Clinic to send it again.",
    );
    // A link-only share mentions no code.
    expect(text).not.toContain("code");
    expect(EMAIL_TEMPLATES["document-shared"].subject(DocumentSharedEmail.PreviewProps)).toBe("Riverside Health Clinic shared a document with you");
  });

  it("says plainly when opening it will ask for a code, and where the code goes", async () => {
    const sms = await renderBoth(<DocumentSharedEmail {...DocumentSharedEmail.PreviewProps} codeBy="sms" />);
    expect(sms.text).toContain("When you open it, we'll text a 6-digit code to your mobile: have your phone with you.");
    const email = await renderBoth(<DocumentSharedEmail {...DocumentSharedEmail.PreviewProps} codeBy="email" />);
    expect(email.text).toContain("When you open it, we'll email you a 6-digit code to enter.");
  });

  it("counts the documents of a share of several, in the body, the button and the subject", async () => {
    const props = { ...DocumentSharedEmail.PreviewProps, documentCount: 3 };
    const { html, text } = await renderBoth(<DocumentSharedEmail {...props} />);
    expect(text).toContain("Dr Priya Shah at Riverside Health Clinic has shared 3 documents with you");
    expectLink(html, text, "https://carebridge.example/s/preview-token", "View documents");
    expect(EMAIL_TEMPLATES["document-shared"].subject(props)).toBe("Riverside Health Clinic shared 3 documents with you");
  });

  it("says nothing clinical, in the text part or anywhere in the HTML (inbox preview included)", async () => {
    const { html, text } = await renderBoth(<DocumentSharedEmail {...DocumentSharedEmail.PreviewProps} />);
    for (const body of [text.toLowerCase(), visibleText(html).toLowerCase()]) {
      for (const word of ["letter", "prescription", "lab", "invoice", "patient", "client", "diagnos", "result"]) {
        expect(body).not.toContain(word);
      }
    }
  });
});

describe("portal-invitation", () => {
  it("invites the client, links to set up the login and states the expiry", async () => {
    const { html, text } = await renderBoth(<PortalInvitationEmail {...PortalInvitationEmail.PreviewProps} canManage={false} />);
    expect(text).toContain("Hello Margaret Ellis,");
    expect(text).toContain(
      "Helen Carter at Riverside Health Clinic has invited you to the client portal, where you can see your details and complete forms the clinic sends you.",
    );
    expect(text).not.toContain("manage the information");
    expectLink(html, text, "https://carebridge.example/portal/invitation/preview-token", "Set up your portal login");
    expect(text).toContain("This link works once and expires in 72 hours.");
  });

  it("mentions managing linked profiles only when the login can", async () => {
    const { text } = await renderBoth(<PortalInvitationEmail {...PortalInvitationEmail.PreviewProps} canManage />);
    expect(text).toContain("You can also manage the information of the profiles linked to your login.");
  });
});

describe("intake-form", () => {
  it("names the practitioner and the form and links to the portal", async () => {
    const { html, text } = await renderBoth(<IntakeFormEmail {...IntakeFormEmail.PreviewProps} />);
    expect(text).toContain("Hello Margaret Ellis,");
    expect(text).toContain("Dr Priya Shah at Riverside Health Clinic has sent you a form to complete: New patient questionnaire.");
    expectLink(html, text, "https://carebridge.example/portal", "Open the client portal");
    expect(text).toContain("You can save a draft and come back later.");
  });

  it("greets a parent by their own name and says whose form it is", async () => {
    const { text } = await renderBoth(<IntakeFormEmail {...IntakeFormEmail.PreviewProps} clientName="Oliver Grant" recipientName="Rachel Grant" />);
    expect(text).toContain("Hello Rachel Grant,");
    expect(text).toContain("Dr Priya Shah at Riverside Health Clinic has sent a form to complete for Oliver Grant: New patient questionnaire.");
    expect(text).not.toContain("Hello Oliver Grant");
  });
});

describe("portal-profile-added", () => {
  it("tells an existing login which profile was added and links to it, with no password to set", async () => {
    const { html, text } = await renderBoth(<PortalProfileAddedEmail {...PortalProfileAddedEmail.PreviewProps} />);
    expect(text).toContain("Hello Margaret Ellis,");
    expect(text).toContain("Helen Carter at Riverside Health Clinic has added a profile, Margaret Ellis, to your client portal login.");
    expect(text).toContain("you can manage its information and complete the forms the clinic sends to it.");
    expectLink(html, text, "https://carebridge.example/portal/profiles/preview-profile", "Open the client portal");
    expect(text).toContain("Sign in with your usual portal email and password.");
    expect(text).not.toMatch(/set (up )?(a|your) password/i);
  });

  it("says view only when the login may not manage the profile", async () => {
    const { text } = await renderBoth(<PortalProfileAddedEmail {...PortalProfileAddedEmail.PreviewProps} canManage={false} />);
    expect(text).toContain("You can view its details and forms; you can't change them.");
    expect(text).not.toContain("manage its information");
  });

  it("has a subject naming only the clinic", () => {
    expect(EMAIL_TEMPLATES["portal-profile-added"].subject(PortalProfileAddedEmail.PreviewProps)).toBe("Riverside Health Clinic added a profile to your client portal");
  });
});

describe("securityCodeText (SMS)", () => {
  it("carries the code, the clinic and the lifetime, in one SMS segment", () => {
    const sms = securityCodeText({ clinicName: "Riverside Health Clinic", code: "482913", expiresInMinutes: 10 });
    expect(sms).toBe(
      "482913 is your Carebridge code to view a document from Riverside Health Clinic. It expires in 10 minutes. Never share it.",
    );
    expect(sms).toContain("10 minutes");
    expect(sms.length).toBeLessThan(160);
  });

  it("shortens a very long clinic name rather than the code or the lifetime", () => {
    const clinicName = "The ".padEnd(200, "Longwood Clinic ");
    const sms = securityCodeText({ clinicName, code: "000123", expiresInMinutes: 10 });
    expect(sms.length).toBeLessThanOrEqual(160);
    const match = /^000123 is your Carebridge code to view a document from (.+)\. It expires in 10 minutes\. Never share it\.$/.exec(sms);
    const shortened = match?.[1] ?? "";
    // Cut between two whole words of the real name.
    expect(shortened.length).toBeGreaterThan(20);
    expect(clinicName.startsWith(`${shortened} `)).toBe(true);
  });

  it("keeps to the GSM-7 alphabet for typographic punctuation", () => {
    const sms = securityCodeText({ clinicName: "St Mary’s – Physio", code: "111111", expiresInMinutes: 10 });
    expect(sms).toContain("from St Mary's - Physio.");
  });

  it("renders in the layout for the preview", async () => {
    const { text } = await renderBoth(<SecurityCodeSms {...SecurityCodeSms.PreviewProps} />);
    expect(text).toContain(securityCodeText(SecurityCodeSms.PreviewProps));
  });

  it("counts the documents the code opens for a share of several", () => {
    const sms = securityCodeText({ clinicName: "Riverside Health Clinic", code: "482913", expiresInMinutes: 10, documentCount: 2 });
    expect(sms).toBe("482913 is your Carebridge code to view 2 documents from Riverside Health Clinic. It expires in 10 minutes. Never share it.");
  });
});

describe("security-code-email", () => {
  it("gives the code for one document, or counts the documents of a share of several", async () => {
    const one = await renderBoth(<SecurityCodeEmail {...SecurityCodeEmail.PreviewProps} />);
    expect(one.text).toContain("Enter this code on the page where you opened Riverside Health Clinic's document:");
    expect(EMAIL_TEMPLATES["security-code-email"].subject(SecurityCodeEmail.PreviewProps)).toBe("Your code to view a document from Riverside Health Clinic");
    const props = { ...SecurityCodeEmail.PreviewProps, documentCount: 2 };
    const several = await renderBoth(<SecurityCodeEmail {...props} />);
    expect(several.text).toContain("Enter this code on the page where you opened Riverside Health Clinic's documents:");
    expect(several.text).toContain("482913");
    // The code stays out of the subject (it shows on lock screens).
    expect(EMAIL_TEMPLATES["security-code-email"].subject(props)).toBe("Your code to view 2 documents from Riverside Health Clinic");
  });
});

describe("share-link-reminder", () => {
  it("reminds of one document, or counts the documents of a share of several", async () => {
    const one = await renderBoth(<ShareLinkReminderEmail {...ShareLinkReminderEmail.PreviewProps} />);
    expect(one.text).toContain("Dr Priya Shah at Riverside Health Clinic shared a document with you that you have not opened yet.");
    expectLink(one.html, one.text, "https://carebridge.example/s/preview-token", "View document");
    expect(EMAIL_TEMPLATES["share-link-reminder"].subject(ShareLinkReminderEmail.PreviewProps)).toBe("Reminder: Riverside Health Clinic shared a document with you");
    const props = { ...ShareLinkReminderEmail.PreviewProps, documentCount: 2 };
    const several = await renderBoth(<ShareLinkReminderEmail {...props} />);
    expect(several.text).toContain("Dr Priya Shah at Riverside Health Clinic shared 2 documents with you that you have not opened yet.");
    expectLink(several.html, several.text, "https://carebridge.example/s/preview-token", "View documents");
    expect(EMAIL_TEMPLATES["share-link-reminder"].subject(props)).toBe("Reminder: Riverside Health Clinic shared 2 documents with you");
  });
});
