import { z } from "zod";
import { RESOLVER_PARTIES, REGIONAL_SORT_KEYS } from "@/lib/domain/dashboard";
import { PERIOD_KINDS } from "@/lib/domain/dashboard-period";
import { OPEN_STATUSES } from "@/lib/domain/ticket-status";
import { CI_CLASSES, CI_STATUSES, PARTIES, PRIORITIES, TICKET_CHANNELS, TICKET_STATUSES, TICKET_TYPES } from "@/lib/domain/vocabulary";
import { ticketCursorSchema } from "./tickets";
import { cursorParam } from "./cursor";
import { uaiCode, upperCode } from "./primitives";

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "forms.errors.dateFormat");

/** GET /api/v1/dashboards/…?from=&to=: local days (Paris), both included; default the 90 days ending today. */
export const dashboardApiQuery = z.object({
  from: day.optional().meta({ description: "Premier jour inclus (AAAA-MM-JJ, heure de Paris) ; défaut : 89 jours avant `to`" }),
  to: day.optional().meta({ description: "Dernier jour inclus (AAAA-MM-JJ) ; défaut : aujourd'hui" }),
});

export const zoneCodeParam = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z0-9_-]{1,40}$/, "dashboards.errors.zoneCode");

/** The pages' period: a kind, or a custom range (`from`, `to`). */
export const dashboardPageQuery = z.object({
  period: z.enum(PERIOD_KINDS, { error: "dashboards.errors.unknownPeriod" }).optional(),
  from: day.optional(),
  to: day.optional(),
});
export type DashboardPageQuery = z.infer<typeof dashboardPageQuery>;

/** The regional view: its zone (none: every zone the reader sees), sort of the schools' table. */
export const regionalPageQuery = dashboardPageQuery.extend({
  zone: upperCode.optional(),
  sort: z.enum(REGIONAL_SORT_KEYS, { error: "forms.errors.unknownSort" }).default("backlog"),
  dir: z.enum(["asc", "desc"]).default("desc"),
});

/** The annual report: one school or one zone, one school year ("2025-2026"). */
export const annualReportQuery = z
  .object({
    establishment: uaiCode.optional(),
    zone: upperCode.optional(),
    year: z
      .string()
      .regex(/^\d{4}-\d{4}$/, "dashboards.errors.schoolYear")
      .optional(),
  })
  .refine((query) => Boolean(query.establishment) !== Boolean(query.zone), { message: "dashboards.errors.schoolOrZone" });

/** Two schools side by side. */
export const compareQuery = dashboardPageQuery.extend({
  a: uaiCode,
  b: uaiCode,
});

/**
 * The list behind a dashboard's number: a school's, a zone's or (neither) every zone the reader sees, with the same filters the
 * figure was counted with (open now, or opened/resolved in a period; status, priority, SLA state,
 * type, service, who resolved, team).
 */
export const drillDownQuery = z.object({
  establishment: uaiCode.optional(),
  zone: upperCode.optional(),
  open: z
    .enum(["true"])
    .transform(() => true as const)
    .optional(),
  opened: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}\.\.\d{4}-\d{2}-\d{2}$/, "dashboards.errors.rangeFormat")
    .optional(),
  resolved: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}\.\.\d{4}-\d{2}-\d{2}$/, "dashboards.errors.rangeFormat")
    .optional(),
  status: z.enum(TICKET_STATUSES, { error: "forms.errors.unknownStatus" }).optional(),
  priority: z.enum(PRIORITIES, { error: "forms.errors.unknownPriority" }).optional(),
  sla: z.enum(["at_risk", "breached", "alert"], { error: "dashboards.errors.unknownSlaState" }).optional(),
  type: z.enum(TICKET_TYPES, { error: "forms.errors.unknownType" }).optional(),
  service: z.string().trim().max(60).optional(),
  party: z.enum(RESOLVER_PARTIES, { error: "forms.errors.unknownPart" }).optional(),
  team: z.string().trim().max(60).optional(),
  /** Waiting for the school: its own queue. */
  own: z
    .enum(["true"])
    .transform(() => true as const)
    .optional(),
  /** Tickets with an intervention started in the range (the time tables' lists), by one technician, on site. */
  intervened: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}\.\.\d{4}-\d{2}-\d{2}$/, "dashboards.errors.range")
    .optional(),
  technician: z.uuid({ error: "dashboards.errors.technician" }).optional(),
  onSite: z
    .enum(["true"])
    .transform(() => true as const)
    .optional(),
  cursor: cursorParam(ticketCursorSchema).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
});
export type DrillDownQuery = z.infer<typeof drillDownQuery>;

/** The CSV tables of a dashboard, by name. */
export const ESTABLISHMENT_TABLES = [
  "open-status",
  "open-priority",
  "oldest",
  "sla-alerts",
  "weeks",
  "services",
  "resolved-by",
  "channels",
  "durations",
  "ratings",
  "equipment-classes",
  "equipment-statuses",
  "equipment-ages",
  "mixed-rooms",
  "most-incidents",
  "time-technicians",
  "time-months",
] as const;
export const REGIONAL_TABLES = [
  "zones",
  "teams",
  "establishments",
  "vendors",
  "deflections-services",
  "deflections-establishments",
  "channels",
  "weeks",
  "open-status",
  "open-priority",
  "time-schools",
  "time-technicians",
  "time-months",
] as const;

// ----------------------------------------------------------------------------------------------
// Responses (OpenAPI)

const share = z.number().min(0).max(1).nullable().meta({ description: "Part entre 0 et 1 ; null sans donnée" });
const minutes = z
  .number()
  .int()
  .nullable()
  .meta({ description: "Minutes ouvrées (lun–ven 7 h 30–17 h 30, jours fériés exclus, attentes du demandeur déduites)" });
const durations = z.object({ count: z.number().int(), medianMinutes: minutes, p90Minutes: minutes });
const period = z.object({ kind: z.enum(PERIOD_KINDS), from: day, to: day });
const open = z.object({
  total: z.number().int(),
  byStatus: z.record(z.enum(OPEN_STATUSES as unknown as [string, ...string[]]), z.number().int()),
  byPriority: z.record(z.enum(PRIORITIES), z.number().int()),
  atRisk: z.number().int(),
  breached: z.number().int(),
  waitingForSchool: z.object({ ownQueue: z.number().int(), waitingRequester: z.number().int() }),
});
const split = z.object({ total: z.number().int(), incidents: z.number().int(), requests: z.number().int() });
const week = z.object({
  week: day,
  openedIncidents: z.number().int(),
  openedRequests: z.number().int(),
  resolvedIncidents: z.number().int(),
  resolvedRequests: z.number().int(),
});
const sla = z.object({
  ttoCompliance: share,
  ttrCompliance: share,
  ttoMet: z.number().int(),
  ttoCounted: z.number().int(),
  ttrMet: z.number().int(),
  ttrCounted: z.number().int(),
  breachedOpen: z.number().int(),
  atRiskOpen: z.number().int(),
});
const line = z.object({
  reference: z.string(),
  title: z.string(),
  status: z.enum(TICKET_STATUSES),
  priority: z.enum(PRIORITIES),
  type: z.enum(TICKET_TYPES),
  createdAt: z.iso.datetime(),
  slaState: z.enum(["ok", "at_risk", "breached"]).nullable(),
  resolveBy: z.iso.datetime().nullable(),
  establishment: z.object({ uai: z.string(), name: z.string() }),
  team: z.object({ code: z.string(), name: z.string() }).nullable(),
});
const equipment = z.object({
  total: z.number().int(),
  byClass: z
    .partialRecord(z.enum(CI_CLASSES), z.number().int())
    .meta({ description: "Équipements présents (hors mis au rebut) par classe" }),
  byStatus: z.partialRecord(z.enum(CI_STATUSES), z.number().int()),
  ageBands: z.array(z.object({ years: z.string(), count: z.number().int() })),
  outOfWarranty: z.object({ count: z.number().int(), known: z.number().int(), share }),
  outOfWarrantyShare: share,
  renewalCandidates: z.number().int(),
  mixedRooms: z.array(z.object({ building: z.string().nullable(), room: z.string(), models: z.number().int(), total: z.number().int() })),
  mostIncidents: z.array(
    z.object({
      id: z.uuid(),
      name: z.string(),
      class: z.enum(CI_CLASSES),
      room: z.string().nullable(),
      establishmentUai: z.string(),
      incidents: z.number().int(),
    }),
  ),
});
const deflectionRow = z.object({ key: z.string(), label: z.string(), opened: z.number().int(), deflected: z.number().int() });

const regionalRow = z.object({
  key: z.string(),
  label: z.string(),
  backlog: z.number().int(),
  breachedOpen: z.number().int(),
  opened: z.number().int(),
  resolved: z.number().int(),
  ttoCompliance: share,
  ttrCompliance: share,
  satisfaction: z.number().nullable(),
  ratings: z.number().int(),
});

const spent = z.object({
  minutes: z.number().int().meta({ description: "Minutes d'intervention" }),
  travelMinutes: z.number().int().meta({ description: "Minutes de déplacement" }),
  count: z.number().int(),
  onSite: z.number().int().meta({ description: "Interventions sur site" }),
});
const time = z
  .object({
    total: spent,
    bySchool: z.array(spent.extend({ uai: z.string(), name: z.string() })),
    byTechnician: z.array(spent.extend({ id: z.uuid(), name: z.string() })),
    byMonth: z.array(spent.extend({ month: z.string().meta({ example: "2026-12" }) })),
  })
  .meta({ description: "Interventions commencées dans la période (heure de Paris)" });

const byChannel = z
  .array(z.object({ channel: z.enum(TICKET_CHANNELS), count: z.number().int(), share }))
  .meta({ description: "Tickets ouverts sur la période par canal : portal (portail), mail (courriel), phone (appel au bureau), api" });

export const establishmentDashboardSchema = z
  .object({
    establishment: z.object({
      uai: z.string(),
      name: z.string(),
      type: z.string(),
      city: z.string(),
      zone: z.object({ code: z.string(), name: z.string() }),
    }),
    period,
    computedAt: z.iso.datetime(),
    open,
    oldestOpen: z.array(line),
    slaAlerts: z.array(line),
    opened: split,
    resolved: split,
    weeks: z.array(week),
    byService: z.array(
      z.object({
        code: z.string(),
        name: z.string(),
        openedIncidents: z.number().int(),
        openedRequests: z.number().int(),
        resolved: z.number().int(),
        deflected: z.number().int().meta({ description: "Signalements abandonnés grâce à un article (« Cela a résolu mon problème »)" }),
      }),
    ),
    timeToOwn: durations,
    timeToResolve: durations,
    sla,
    satisfaction: z.object({
      average: z.number().nullable(),
      count: z.number().int(),
      comments: z.array(z.object({ reference: z.string(), score: z.number().int(), comment: z.string(), ratedAt: z.iso.datetime() })),
    }),
    resolvedBy: z.array(z.object({ party: z.enum(RESOLVER_PARTIES), count: z.number().int(), share })),
    byChannel,
    time,
    equipment,
  })
  .meta({ id: "EstablishmentDashboard" });

export const zoneDashboardSchema = z
  .object({
    zone: z.object({ code: z.string(), name: z.string() }),
    period,
    computedAt: z.iso.datetime(),
    open,
    opened: split,
    resolved: split,
    weeks: z.array(week),
    timeToOwn: durations,
    timeToResolve: durations,
    sla,
    satisfaction: z.object({ average: z.number().nullable(), count: z.number().int() }),
    byChannel,
    zones: z.array(regionalRow),
    teams: z.array(
      regionalRow.extend({
        party: z.enum(PARTIES),
        members: z.number().int(),
        openPerMember: z.number().nullable(),
        resolvedPerMember: z.number().nullable(),
      }),
    ),
    establishments: z.array(regionalRow),
    deflections: z
      .object({ byService: z.array(deflectionRow), byEstablishment: z.array(deflectionRow) })
      .meta({ description: "Tickets créés et signalements abandonnés grâce à un article, par service (code) et par établissement (UAI)" }),
    time,
    vendors: z.array(
      z.object({
        name: z.string(),
        waits: z.number().int(),
        ended: z.number().int(),
        onTime: z.number().int(),
        lateOpen: z.number().int(),
        compliance: share,
      }),
    ),
    equipment,
  })
  .meta({ id: "ZoneDashboard" });
