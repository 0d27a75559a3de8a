import { PortalMessage } from "../../portal-message";

/** The document page for a browser that isn't (or no longer) through: HTTP 404, calm, with what to do. */
export default function SharedDocumentNotFound() {
  return (
    <PortalMessage title="This document isn't available">
      <p>Your access may have ended, or this browser hasn&apos;t opened the link yet.</p>
      <p>Open the link from your email again. If it no longer works, ask the clinic that sent it to send it to you again.</p>
    </PortalMessage>
  );
}
