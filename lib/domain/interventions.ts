/**
 * Interventions on record (issue 14, seed 003: "les interventions sont systématiquement enregistrées"):
 * what the technician or the vendor did on a ticket, remote or on site, and the time it took.
 */
export const INTERVENTION_MODES = ["remote", "on_site"] as const;
export type InterventionMode = (typeof INTERVENTION_MODES)[number];

/** An intervention to record, as the API and the desk's form give it once parsed. */
export type NewIntervention = {
  mode: InterventionMode;
  startedAt: Date;
  minutes: number;
  travelMinutes: number;
  summary: string;
  details?: string;
  ciIds: string[];
};

/** An intervention as a ticket's page and the API show it; `details` null when the reader may not read them. */
export type InterventionView = {
  id: string;
  mode: InterventionMode;
  startedAt: Date;
  minutes: number;
  travelMinutes: number;
  summary: string;
  details: string | null;
  createdAt: Date;
  author: { id: string; name: string };
  vendorName: string | null;
  cis: { id: string; name: string }[];
};

/** A ticket's interventions and the time spent on it. */
export type TicketInterventions = { items: InterventionView[]; total: TimeSpent };

/** A day's work at most, for the work and for the travel alike (the table's checks say the same). */
export const MAX_INTERVENTION_MINUTES = 1440;

/** A start a little ahead of the server's clock is a clock skew, not a planned intervention. */
export const FUTURE_TOLERANCE_MS = 5 * 60_000;

/** Why a start is refused at `now` (a message key), or null. */
export function startedAtProblem(startedAt: Date, now: Date): string | null {
  return startedAt.getTime() > now.getTime() + FUTURE_TOLERANCE_MS ? "interventions.errors.startedInFuture" : null;
}

/** The time spent on a ticket, a school or a month: work and travel, in minutes. */
export type TimeSpent = { minutes: number; travelMinutes: number; count: number; onSite: number };

export function timeSpent(interventions: readonly { mode: InterventionMode; minutes: number; travelMinutes: number }[]): TimeSpent {
  return interventions.reduce<TimeSpent>(
    (sum, item) => ({
      minutes: sum.minutes + item.minutes,
      travelMinutes: sum.travelMinutes + item.travelMinutes,
      count: sum.count + 1,
      onSite: sum.onSite + (item.mode === "on_site" ? 1 : 0),
    }),
    { minutes: 0, travelMinutes: 0, count: 0, onSite: 0 },
  );
}

/** Sums of several groups (schools, months) added up. */
export function sumTimeSpent(rows: readonly TimeSpent[]): TimeSpent {
  return rows.reduce<TimeSpent>(
    (sum, row) => ({
      minutes: sum.minutes + row.minutes,
      travelMinutes: sum.travelMinutes + row.travelMinutes,
      count: sum.count + row.count,
      onSite: sum.onSite + row.onSite,
    }),
    { minutes: 0, travelMinutes: 0, count: 0, onSite: 0 },
  );
}

/** `now` as a `datetime-local` input shows it in Paris ("2026-12-04T09:30"): the form's default start. */
export function parisInputValue(now: Date): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat("en-CA", {
      timeZone: "Europe/Paris",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      hourCycle: "h23",
    })
      .formatToParts(now)
      .map((part) => [part.type, part.value]),
  );
  return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}`;
}

/** Minutes as a person reads them: hours and minutes ("1 h 05", "45 min"); the words come from the catalogue. */
export function hoursAndMinutes(total: number): { hours: number; minutes: number } {
  return { hours: Math.floor(total / 60), minutes: total % 60 };
}

/** Which part of an intervention a reader gets: the school (and anyone not reading internal content) the summary only. */
export function withoutDetails<T extends { details: string | null }>(intervention: T, readsDetails: boolean): T {
  return readsDetails ? intervention : { ...intervention, details: null };
}
