import { headers } from "next/headers";
import { shareLinkToken } from "@/lib/portal/gone-link";
import { getLanding } from "@/lib/portal/landing";
import { ExpiredMessage, LockedMessage, UnavailableMessage } from "../portal-message";

/**
 * A link that can't be used (HTTP 404): unknown and revoked look the same; expired and locked say
 * so, because the contact's next step is the same (ask for a new link) but the reason helps them.
 * (Expired and locked normally answer 410 from the page itself; this covers a proxy that could not
 * check.) The path comes from the proxy's header: not-found pages get no params.
 */
export default async function ShareLinkNotFound() {
  const path = (await headers()).get("x-carebridge-path") ?? "";
  const token = shareLinkToken(path.split("?")[0]!);
  const landing = token ? await getLanding(token) : { state: "unavailable" as const };
  if (landing.state === "expired") return <ExpiredMessage />;
  if (landing.state === "locked") return <LockedMessage />;
  return <UnavailableMessage />;
}
