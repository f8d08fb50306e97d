/**
 * Enumerations of the domain, defined once. Database columns, zod schemas and UI labels
 * (e.g. `status.case.in_review` in locales/) all derive from these arrays.
 */
export const REGION_CODES = ["maritime", "plateaux", "centrale", "kara", "savanes"] as const;
export type RegionCode = (typeof REGION_CODES)[number];

export const LINK_STATUSES = ["up", "degraded", "down", "maintenance", "not_connected"] as const;
export type LinkStatus = (typeof LINK_STATUSES)[number];

export const LINK_SOURCES = ["probe", "alertmanager", "operator", "system"] as const;
export type LinkSource = (typeof LINK_SOURCES)[number];

/**
 * What pages and the API show: the site's link status, or `unknown` while its monitoring is
 * interrupted (decision 018). `unknown` is never stored as a link status: the service keeps
 * acting on the last known one.
 */
export const DISPLAYED_LINK_STATUSES = [...LINK_STATUSES, "unknown"] as const;
export type DisplayedLinkStatus = (typeof DISPLAYED_LINK_STATUSES)[number];

/** Why a site's monitoring is interrupted (decision 018). */
export const MONITORING_LOSS_REASONS = ["source_silent", "mass_silence", "target_unreachable"] as const;
export type MonitoringLossReason = (typeof MONITORING_LOSS_REASONS)[number];

/** Who reports link evidence: a probe agent (heartbeats), or an Alertmanager receiver. */
export const MONITORING_SOURCE_KINDS = ["probe_agent", "alertmanager"] as const;
export type MonitoringSourceKind = (typeof MONITORING_SOURCE_KINDS)[number];

export const SITE_KINDS = [
  "ministry",
  "institution",
  "campus",
  "lycee",
  "hospital",
  "administration",
  "town_hall",
] as const;
export type SiteKind = (typeof SITE_KINDS)[number];

export const AGENCY_KINDS = ["ministry", "direction", "public_body", "commune"] as const;
export type AgencyKind = (typeof AGENCY_KINDS)[number];

export const CASE_STATUSES = [
  "draft",
  "queued",
  "submitted",
  "in_review",
  "awaiting_info",
  "accepted",
  "ready",
  "delivered",
  "rejected",
  "closed",
  "withdrawn",
] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

export const PROCEDURE_STATUSES = ["draft", "published", "closed"] as const;
export type ProcedureStatus = (typeof PROCEDURE_STATUSES)[number];

export const DELIVERY_MODES = ["pickup", "electronic"] as const;
export type DeliveryMode = (typeof DELIVERY_MODES)[number];

export const PROCEDURE_CATEGORIES = [
  "civil_status",
  "identity",
  "justice",
  "business",
  "education",
  "housing",
  "transport",
  "social",
] as const;
export type ProcedureCategory = (typeof PROCEDURE_CATEGORIES)[number];

/** Staff roles; a user without any staff role is a citizen. */
export const STAFF_ROLES = ["agent", "supervisor", "operator", "admin"] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];
export const ROLES = ["citizen", ...STAFF_ROLES] as const;
export type Role = (typeof ROLES)[number];
/** Roles held for a given office (the others are global). */
export const OFFICE_ROLES = ["agent", "supervisor"] as const satisfies readonly StaffRole[];

export const NOTIFICATION_CHANNELS = ["email", "sms", "in_app"] as const;
export type NotificationChannel = (typeof NOTIFICATION_CHANNELS)[number];

/** `skipped`: not sent because the user turned that channel off (not a delivery failure). */
export const NOTIFICATION_STATUSES = ["pending", "sending", "sent", "failed", "skipped"] as const;
export type NotificationStatus = (typeof NOTIFICATION_STATUSES)[number];

/** What a single-use password token is for: a forgotten password, or a staff invitation. */
export const PASSWORD_TOKEN_PURPOSES = ["reset", "invitation"] as const;
export type PasswordTokenPurpose = (typeof PASSWORD_TOKEN_PURPOSES)[number];

export const LOCALES = ["fr", "en"] as const;
export type Locale = (typeof LOCALES)[number];

export const SCAN_STATUSES = ["pending", "clean", "infected", "skipped"] as const;
export type ScanStatus = (typeof SCAN_STATUSES)[number];
