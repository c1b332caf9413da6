import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { duration } from "@/components/interventions/duration";
import { INTERVENTION_MODES, type InterventionMode } from "@/lib/domain/interventions";
import { visitDay } from "@/lib/presentation/visit-day";
import { APPROVER_KINDS, TICKET_STATUSES, type TicketEventKind, type TicketStatus } from "@/lib/domain/vocabulary";

type Props = { event: { kind: TicketEventKind; data: Record<string, unknown> }; forStaff: boolean };

// The journal's data is JSON written by the services: read it defensively, showing only what is there.
const asText = (value: unknown): string | null => (typeof value === "string" && value ? value : null);
const asStatus = (value: unknown): TicketStatus | null =>
  TICKET_STATUSES.includes(value as TicketStatus) ? (value as TicketStatus) : null;
const asMode = (value: unknown): InterventionMode | null =>
  INTERVENTION_MODES.includes(value as InterventionMode) ? (value as InterventionMode) : null;
const nameOf = (value: unknown): string | null =>
  typeof value === "object" && value !== null && "name" in value ? asText(value.name) : null;
const field = (value: unknown, key: string): string | null =>
  typeof value === "object" && value !== null && key in value ? asText((value as Record<string, unknown>)[key]) : null;

/** What an event changed, in words: a status move, the team or technician now in charge, where it was escalated… */
export async function EventDetails({ event, forStaff }: Props) {
  const [t, tApprovals, tSla, tInterventions, tPlanning, format, locale] = await Promise.all([
    getTranslations("tickets"),
    getTranslations("approvals"),
    getTranslations("sla.timeline"),
    getTranslations("interventions"),
    getTranslations("planning"),
    getFormatter(),
    getLocale(),
  ]);
  const { data } = event;
  const dueAt = asText(data.dueAt) && !Number.isNaN(Date.parse(asText(data.dueAt)!)) ? new Date(asText(data.dueAt)!) : null;
  const due = dueAt ? tSla("dueAt", { date: format.dateTime(dueAt, { dateStyle: "long", timeStyle: "short" }) }) : null;
  const status = (value: TicketStatus) => t(forStaff ? `staffStatus.${value}` : `status.${value}`);
  const lines: string[] = [];
  const from = asStatus(data.from);
  const to = asStatus(data.to);

  switch (event.kind) {
    case "comment": {
      // An intervention's journal entry: its body is the summary; say which kind of intervention and how long.
      const intervention =
        typeof data.intervention === "object" && data.intervention !== null ? (data.intervention as Record<string, unknown>) : null;
      const mode = asMode(intervention?.mode);
      if (mode && typeof intervention?.minutes === "number") {
        lines.push(
          tInterventions("journal.recorded", {
            mode: tInterventions(`mode.${mode}`),
            duration: duration(tInterventions, intervention.minutes),
          }),
        );
      }
      if (intervention && Array.isArray(data.cis) && data.cis.length > 0)
        lines.push(t("timeline.equipment", { names: data.cis.filter((name) => typeof name === "string").join(", ") }));
      break;
    }
    case "status_changed":
      if (from && to) lines.push(t("timeline.statusChange", { from: status(from), to: status(to) }));
      break;
    case "assignment_changed":
      if ("team" in data) lines.push(nameOf(data.team) ? t("timeline.team", { team: nameOf(data.team)! }) : t("timeline.noTeam"));
      if ("assignee" in data)
        lines.push(nameOf(data.assignee) ? t("timeline.assignee", { name: nameOf(data.assignee)! }) : t("timeline.noAssignee"));
      // Which rule routed the ticket is the desk's business, not the school's.
      if (forStaff && asText(data.rule)) lines.push(t("timeline.rule", { rule: asText(data.rule)! }));
      break;
    case "escalated":
      // The worker's escalations (internal, staff only) climb the SLA ladder: say which rung, and for which deadline.
      if (data.target === "sla") {
        if (asText(data.headline)) lines.push(tSla("escalated", { headline: asText(data.headline)! }));
        if (due) lines.push(due);
        break;
      }
      if (asText(data.targetLabel)) lines.push(t("timeline.escalatedTo", { target: asText(data.targetLabel)! }));
      if (asText(data.vendorReference)) lines.push(t("timeline.vendorReference", { reference: asText(data.vendorReference)! }));
      break;
    case "visit_planned":
      if (asText(data.onDate) && (data.halfDay === "am" || data.halfDay === "pm")) {
        lines.push(
          tPlanning("visit.plannedOn", {
            date: visitDay(asText(data.onDate)!, locale === "en" ? "en" : "fr"),
            halfDay: tPlanning(`halfDays.${data.halfDay}`),
          }),
        );
      }
      break;
    case "approval": {
      // The signature: who approved or refused, in what function, for which level; or nobody answered in time.
      const kind = APPROVER_KINDS.find((candidate) => candidate === data.approverKind);
      const name = nameOf(data.by);
      const who = name && asText(data.function) ? tApprovals("panel.whoWithFunction", { name, function: asText(data.function)! }) : name;
      if (kind && (data.decision === "approved" || data.decision === "refused") && who)
        lines.push(tApprovals(`journal.${data.decision}`, { who, kind: tApprovals(`kinds.${kind}`) }));
      if (kind && data.decision === "expired")
        lines.push(tApprovals("journal.expired", { kind: tApprovals(`kinds.${kind}`), days: Number(data.days) }));
      break;
    }
    case "linked":
      if (asText(data.related)) lines.push(t("timeline.related", { reference: asText(data.related)! }));
      if (Array.isArray(data.cis))
        lines.push(t("timeline.equipment", { names: data.cis.filter((name) => typeof name === "string").join(", ") }));
      break;
    case "merged":
      if (asText(data.masterReference)) lines.push(t("timeline.mergedInto", { reference: asText(data.masterReference)! }));
      if (asText(data.duplicateReference)) lines.push(t("timeline.duplicateMerged", { reference: asText(data.duplicateReference)! }));
      break;
    case "requalified": {
      const before = [field(data.before, "serviceCode"), field(data.before, "categoryCode")].filter(Boolean).join(" › ");
      const after = [field(data.after, "serviceCode"), field(data.after, "categoryCode")].filter(Boolean).join(" › ");
      if (before && after) lines.push(t("timeline.requalifiedFromTo", { before, after }));
      break;
    }
    case "created": {
      // How it came in: a phone call (and who took it), an e-mail, the API; nothing for the portal.
      const channel = asText(data.channel);
      const taker = nameOf(data.takenBy);
      if (channel === "phone") lines.push(taker ? t("timeline.channel.phoneBy", { name: taker }) : t("timeline.channel.phone"));
      else if (channel === "mail") lines.push(t("timeline.channel.mail"));
      else if (channel === "api") lines.push(taker ? t("timeline.channel.apiBy", { name: taker }) : t("timeline.channel.api"));
      break;
    }
    case "sla":
      // The worker's warnings and breaches (internal): what happened, and the deadline concerned; the body explains.
      if (asText(data.headline)) lines.push(tSla("alarm", { headline: asText(data.headline)! }));
      if (due) lines.push(due);
      break;
    default:
      break;
  }
  return lines.map((line) => (
    <p key={line} className="mt-1 text-sm">
      {line}
    </p>
  ));
}
