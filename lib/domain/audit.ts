import { DateTime } from "luxon";

/**
 * What the audit trail records. Each action names one kind of change; the object is what it changed.
 * The list is closed so that the journal's filters and its French labels cover every row.
 */
export const AUDIT_ACTIONS = [
  "account.created",
  "account.updated",
  "account.disabled",
  "account.enabled",
  "account.password_set",
  "account.password_changed",
  "sign_in.succeeded",
  "sign_in.failed",
  "sign_in.locked",
  "token.issued",
  "token.revoked",
  "sla.hours_changed",
  "sla.ladder_changed",
  "sla.closure_added",
  "sla.closure_deleted",
  "vendor.repair_time_changed",
  "routing_rule.created",
  "routing_rule.updated",
  "routing_rule.deleted",
  "routing_rule.reordered",
  "export.downloaded",
  "establishment.created",
  "establishment.updated",
  "onboarding.meeting_updated",
  "onboarding.document_added",
  "onboarding.document_deleted",
  "team.created",
  "team.updated",
  "vendor.created",
  "vendor.updated",
  "zone.created",
  "zone.updated",
  "intervention.recorded",
  "establishment.referents_set",
  "planning.absence_added",
  "planning.absence_deleted",
  "planning.schedule_changed",
  "planning.exception_set",
  "ticket.visit_planned",
  "ticket.approved",
  "ticket.refused",
  "ticket.approval_expired",
  "establishment.approval_delegate_added",
  "establishment.approval_delegate_removed",
  "category.approval_changed",
  "critical_period.created",
  "delegation.reviewed",
  "delegation.ended",
  "announcement.published",
  "article.created",
  "article.updated",
  "delivery.created",
  "delivery.checked",
  "delivery.deemed_compliant",
  "campaign.created",
  "campaign.request_saved",
  "campaign.request_submitted",
  "campaign.request_approved",
  "campaign.allocated",
  "campaign.advice_asked",
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export const AUDIT_OBJECT_TYPES = [
  "user",
  "api_token",
  "team",
  "closure",
  "vendor",
  "routing_rule",
  "export",
  "establishment",
  "zone",
  "onboarding_document",
  "intervention",
  "ticket",
  "critical_period",
  "delegation",
  "announcement",
  "article",
  "category",
  "delivery",
  "campaign",
  "campaign_request",
] as const;
export type AuditObjectType = (typeof AUDIT_OBJECT_TYPES)[number];

/** Who acted and from where: the request's facts, taken once at the entry point. */
export type AuditActor = {
  /** Null for an anonymous attempt (unknown e-mail) or the system (the worker). */
  userId: string | null;
  /** The e-mail as typed or known at the time. */
  label: string | null;
  ip: string | null;
  requestId: string | null;
};

export type AuditEntry = {
  action: AuditAction;
  objectType: AuditObjectType;
  objectId: string | null;
  before?: unknown;
  after?: unknown;
};

/** The default retention of the audit trail (CNIL: 6 to 12 months for access logs). */
export const DEFAULT_AUDIT_RETENTION_DAYS = 365;

/** The instant before which audit rows are purged. */
export function auditPurgeBefore(now: Date, retentionDays: number): Date {
  return new Date(now.getTime() - retentionDays * 24 * 60 * 60 * 1000);
}

/**
 * A period of Paris days (YYYY-MM-DD, both included) as instants: from the start of `from` to the start of
 * the day after `to`, whatever the offset of each day (summer time changes within a period).
 */
export function auditPeriod(from: string | undefined, to: string | undefined): { since?: Date; until?: Date } {
  const start = (day: string) => DateTime.fromISO(day, { zone: "Europe/Paris" }).startOf("day");
  return {
    ...(from ? { since: start(from).toJSDate() } : {}),
    ...(to ? { until: start(to).plus({ days: 1 }).toJSDate() } : {}),
  };
}
