/**
 * The yearly equipment campaign (dotation annuelle, PRELP, issue 17): its phases as Paris days, what a school's
 * questionnaire may do in each, and the rules of the analysis (theoretical need, envelope). Pure: `today` is an
 * argument (lib/domain/business-calendar.ts's parisDay turns an instant into it).
 */

export const CAMPAIGN_PHASES = ["survey", "analysis", "allocation", "delivery"] as const;
export type CampaignPhase = (typeof CAMPAIGN_PHASES)[number];

/** Where a campaign stands on a day: before its survey, in one of its phases, between two, or over. */
export type CampaignMoment = CampaignPhase | "upcoming" | "between" | "closed";

export type DayRange = { from: string; to: string };
export type CampaignDates = { year: number } & Record<CampaignPhase, DayRange>;

/** The request's life: a draft the staff fill, submitted (waiting for the head), approved by the head. */
export const CAMPAIGN_REQUEST_STATUSES = ["draft", "submitted", "approved"] as const;
export type CampaignRequestStatus = (typeof CAMPAIGN_REQUEST_STATUSES)[number];

/** A line's nature: replacing equipment in place, or adding to it. */
export const CAMPAIGN_LINE_KINDS = ["renewal", "extension"] as const;
export type CampaignLineKind = (typeof CAMPAIGN_LINE_KINDS)[number];

/** 1 is the most needed. */
export const CAMPAIGN_PRIORITIES = [1, 2, 3] as const;

/** The school's progress in a campaign (one row per school in the progress table). */
export const CAMPAIGN_PROGRESS = ["not_started", "draft", "submitted", "approved", "allocated"] as const;
export type CampaignProgress = (typeof CAMPAIGN_PROGRESS)[number];

/** The phase a campaign is in on `today`, or where it stands outside them. */
export function campaignMoment(campaign: CampaignDates, today: string): CampaignMoment {
  if (today < campaign.survey.from) return "upcoming";
  for (const phase of CAMPAIGN_PHASES) {
    const range = campaign[phase];
    if (today >= range.from && today <= range.to) return phase;
  }
  return today > campaign.delivery.to ? "closed" : "between";
}

/** The phases in the order they must come, each starting after the previous ends; the first fault's field, or null. */
export function phaseOrderFault(phases: Record<CampaignPhase, DayRange>): { phase: CampaignPhase; field: "from" | "to" } | null {
  let previousEnd: string | null = null;
  for (const phase of CAMPAIGN_PHASES) {
    const range = phases[phase];
    if (previousEnd !== null && range.from <= previousEnd) return { phase, field: "from" };
    if (range.to < range.from) return { phase, field: "to" };
    previousEnd = range.to;
  }
  return null;
}

/** The campaign whose survey is open on `today`, if any. */
export function openSurvey<C extends CampaignDates>(campaigns: readonly C[], today: string): C | null {
  return campaigns.find((campaign) => campaignMoment(campaign, today) === "survey") ?? null;
}

/** The next survey to open after `today` among the campaigns declared: its campaign and first day; null when none is. */
export function nextSurveyOpening<C extends CampaignDates>(campaigns: readonly C[], today: string): { campaign: C; day: string } | null {
  const next = campaigns.filter((campaign) => campaign.survey.from > today).sort((a, b) => a.survey.from.localeCompare(b.survey.from))[0];
  return next ? { campaign: next, day: next.survey.from } : null;
}

/** A school's questionnaire can be edited and submitted only while the survey is open, and edited only as a draft. */
export function canEditRequest(moment: CampaignMoment, status: CampaignRequestStatus): boolean {
  return moment === "survey" && status === "draft";
}

/** Allocations are decided during the analysis, on approved requests. */
export function canAllocate(moment: CampaignMoment, status: CampaignRequestStatus): boolean {
  return moment === "analysis" && status === "approved";
}

/** A school sees its allocation once the notification phase has come. */
export function allocationVisibleToSchool(moment: CampaignMoment): boolean {
  return moment === "allocation" || moment === "delivery" || moment === "closed";
}

/** Workstations the ratio asks for (pupils / pupils per workstation, rounded up); null when the pupils are unknown. */
export function theoreticalNeed(pupils: number | null, pupilsPerWorkstation: number): number | null {
  if (pupils === null || pupilsPerWorkstation <= 0) return null;
  return Math.ceil(pupils / pupilsPerWorkstation);
}

export type AllocationLine = { requested: number; granted: number; reason: string | null };

/** The lines whose cut has no reason (index in the list): a cut request must say why. */
export function cutsWithoutReason(lines: readonly AllocationLine[]): number[] {
  return lines.flatMap((line, index) => (line.granted < line.requested && !line.reason?.trim() ? [index] : []));
}

/** Whether a zone's allocations stay within its envelope: the cost of everything granted there, this school's new lines included. */
export function withinEnvelope(input: { envelope: number | null; otherSchoolsCost: number; thisSchoolCost: number }): boolean {
  if (input.envelope === null) return false;
  return input.otherSchoolsCost + input.thisSchoolCost <= input.envelope;
}

/** Where a school stands, from its request (null when none was started). */
export function progressOf(request: { status: CampaignRequestStatus; allocatedAt: unknown } | null): CampaignProgress {
  if (!request) return "not_started";
  if (request.allocatedAt) return "allocated";
  return request.status;
}
