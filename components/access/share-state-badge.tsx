import { Badge, type BadgeTone } from "@/components/ui/badge";
import type { ShareDisplayState } from "@/lib/portal/link-state";

/** An external share's state as the sender sees it: the one label and colour per state, everywhere shares are shown. */
export const SHARE_STATE: Record<ShareDisplayState, { label: string; tone: BadgeTone }> = {
  sent: { label: "Sent", tone: "info" },
  opened: { label: "Opened", tone: "success" },
  downloaded: { label: "Downloaded", tone: "success" },
  expired: { label: "Expired", tone: "warning" },
  locked: { label: "Locked", tone: "danger" },
  revoked: { label: "Revoked", tone: "neutral" },
};

export function ShareStateBadge({ state }: { state: ShareDisplayState }) {
  return <Badge tone={SHARE_STATE[state].tone}>{SHARE_STATE[state].label}</Badge>;
}
