/**
 * The closed vocabularies of the domain. The database enums, the zod schemas and
 * the UI labels are all derived from these tuples, so a value exists in one place.
 */
export const SUPPORT_MODES = ["normal", "ouvert", "hors_perimetre"] as const;
export type SupportMode = (typeof SUPPORT_MODES)[number];
/** Where a school stands in joining the support scheme (seed 004): to integrate, under way (RDV1–RDV4), integrated. */
export const ONBOARDING_STATES = ["a_integrer", "en_cours", "integre"] as const;
export type OnboardingState = (typeof ONBOARDING_STATES)[number];

export const ROLES = [
  "requester",
  "technician",
  "sector_lead",
  "service_lead",
  "academy_agent",
  "vendor_agent",
  "manager",
  "admin",
] as const;
export type Role = (typeof ROLES)[number];

export const PARTIES = ["school", "region", "academy", "vendor"] as const;
export type Party = (typeof PARTIES)[number];

export const TICKET_TYPES = ["incident", "request"] as const;
export type TicketType = (typeof TICKET_TYPES)[number];
/** How a ticket reached Guichet: the portal's form, an e-mail, a phone call taken by the desk, or the API. */
export const TICKET_CHANNELS = ["portal", "mail", "phone", "api"] as const;
export type TicketChannel = (typeof TICKET_CHANNELS)[number];

/** `awaiting_approval`: filed, waiting for the school's (and the sector lead's) approval before routing (lib/domain/approvals.ts). */
export const TICKET_STATUSES = [
  "awaiting_approval",
  "new",
  "assigned",
  "in_progress",
  "waiting_requester",
  "waiting_vendor",
  "resolved",
  "closed",
  "cancelled",
] as const;
export type TicketStatus = (typeof TICKET_STATUSES)[number];

/** Who approves a level of a category's approval: the school's head (or a delegate), its secrétaire général, the zone's sector lead. */
export const APPROVER_KINDS = ["school_head", "secretary_general", "sector_lead"] as const;
export type ApproverKind = (typeof APPROVER_KINDS)[number];

export const PRIORITIES = ["P1", "P2", "P3", "P4"] as const;
export type Priority = (typeof PRIORITIES)[number];

/** Impact: the whole school, a room or department, one device or person. */
export const IMPACTS = ["school", "group", "individual"] as const;
export type Impact = (typeof IMPACTS)[number];

/** Urgency: lesson or exam blocked, hampered, can wait. */
export const URGENCIES = ["high", "medium", "low"] as const;
export type Urgency = (typeof URGENCIES)[number];

export const VISIBILITIES = ["public", "internal"] as const;
export type Visibility = (typeof VISIBILITIES)[number];

export const TICKET_EVENT_KINDS = [
  "created",
  "comment",
  "status_changed",
  "assignment_changed",
  "requalified",
  "escalated",
  "linked",
  "merged",
  "sla",
  "visit_planned",
  "approval",
] as const;
export type TicketEventKind = (typeof TICKET_EVENT_KINDS)[number];

export const CI_CLASSES = [
  "pc",
  "laptop",
  "tablet",
  "server",
  "virtual_machine",
  "network_switch",
  "wifi_access_point",
  "router",
  "firewall",
  "nas",
  "ups",
  "rack",
  "printer",
  "video_projector",
  "ip_phone",
  "software",
] as const;
export type CiClass = (typeof CI_CLASSES)[number];

export const CI_STATUSES = ["stock", "production", "repair", "obsolete", "disposed"] as const;
export type CiStatus = (typeof CI_STATUSES)[number];

export const CI_CRITICALITIES = ["low", "medium", "high"] as const;
export type CiCriticality = (typeof CI_CRITICALITIES)[number];

export const FUNDINGS = ["region", "own_funds"] as const;
export type Funding = (typeof FUNDINGS)[number];
