import type { CaseStatus } from "~/domain/constants";

/** Statuses an office's inbox can hold (for the status filter), in lifecycle order. */
export const INBOX_FILTER_STATUSES = [
  "submitted",
  "in_review",
  "awaiting_info",
  "accepted",
  "ready",
  "delivered",
  "rejected",
  "closed",
  "withdrawn",
] as const satisfies readonly CaseStatus[];
