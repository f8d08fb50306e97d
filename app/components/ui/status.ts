import type { CaseStatus, DisplayedLinkStatus } from "~/domain/constants";
import type { IconName } from "./icons";

/** Colour family of a badge; each has AA-contrast text on its tint (see app.css). */
export type Tone = "neutral" | "progress" | "waiting" | "success" | "danger" | "maintenance";

export interface StatusLook {
  tone: Tone;
  icon: IconName;
}

export const CASE_STATUS_LOOK: Record<CaseStatus, StatusLook> = {
  draft: { tone: "neutral", icon: "dashedCircle" },
  queued: { tone: "waiting", icon: "hourglass" },
  submitted: { tone: "progress", icon: "arrowRight" },
  in_review: { tone: "progress", icon: "magnifier" },
  awaiting_info: { tone: "waiting", icon: "question" },
  accepted: { tone: "success", icon: "check" },
  ready: { tone: "success", icon: "star" },
  delivered: { tone: "success", icon: "doubleCheck" },
  rejected: { tone: "danger", icon: "cross" },
  closed: { tone: "neutral", icon: "minusCircle" },
  withdrawn: { tone: "neutral", icon: "arrowBack" },
};

/** Link statuses as pages show them: `unknown` while the site's monitoring is interrupted (decision 018). */
export const LINK_STATUS_LOOK: Record<DisplayedLinkStatus, StatusLook> = {
  up: { tone: "success", icon: "checkCircle" },
  degraded: { tone: "waiting", icon: "triangle" },
  down: { tone: "danger", icon: "crossCircle" },
  maintenance: { tone: "maintenance", icon: "wrench" },
  not_connected: { tone: "neutral", icon: "dashedCircle" },
  unknown: { tone: "neutral", icon: "question" },
};
