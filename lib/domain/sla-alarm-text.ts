/**
 * What the journal and the e-mails say when an SLA alarm fires, as message keys (sla.alarms). Pure.
 */
import type { PlannedAlarm } from "./sla-plan";
import type { Role } from "./vocabulary";

const DEADLINE = new Intl.DateTimeFormat("fr-FR", {
  timeZone: "Europe/Paris",
  weekday: "long",
  day: "numeric",
  month: "long",
  hour: "2-digit",
  minute: "2-digit",
});

/** "lundi 23 novembre à 14:30", Paris time. */
export function formatDeadline(instant: Date): string {
  return DEADLINE.format(instant);
}

/** A message key with its values; the service writes it in French into the ticket's journal (storedText). */
export type AlarmLine = { readonly message: string; readonly values?: Readonly<Record<string, string | number>> };

/** The words for who a ladder's rung calls, by role (`sla.alarms.roles.sector_lead`: "chef de secteur"). */
export const escalationRoleKey = (role: Role) => `sla.alarms.roles.${role}`;

export type AlarmContext = {
  /** The deadlines the alarm is about. */
  readonly ownBy: Date | null;
  readonly resolveBy: Date | null;
  /** Names of the people an escalation calls (may be empty: nobody holds that role for the zone). */
  readonly people: readonly string[];
  readonly vendorName: string | null;
};

export type AlarmText = { readonly headline: AlarmLine; readonly body: AlarmLine };

export function alarmText(alarm: PlannedAlarm, context: AlarmContext): AlarmText {
  switch (alarm.kind) {
    case "warning": {
      const deadline = alarm.timer === "tto" ? context.ownBy : context.resolveBy;
      return {
        headline: { message: "sla.alarms.warning.headline", values: { timer: alarm.timer } },
        body: deadline
          ? { message: "sla.alarms.warning.body", values: { timer: alarm.timer, deadline: formatDeadline(deadline) } }
          : { message: "sla.alarms.warning.bodyNoDeadline", values: { timer: alarm.timer } },
      };
    }
    case "breach":
      return {
        headline: { message: "sla.alarms.breach.headline", values: { timer: alarm.timer } },
        body: { message: "sla.alarms.breach.body", values: { timer: alarm.timer, deadline: formatDeadline(alarm.dueAt) } },
      };
    case "escalation": {
      const role = escalationRoleKey(alarm.role);
      const due = formatDeadline(alarm.dueAt);
      return {
        headline: { message: "sla.alarms.escalation.headline", values: { level: alarm.level, role } },
        body: context.people.length
          ? { message: "sla.alarms.escalation.body", values: { level: alarm.level, due, role, people: context.people.join(", ") } }
          : { message: "sla.alarms.escalation.bodyNobody", values: { level: alarm.level, due, role } },
      };
    }
    case "vendor_breach": {
      const deadline = formatDeadline(alarm.dueAt);
      return context.vendorName
        ? {
            headline: { message: "sla.alarms.vendorBreach.headlineNamed", values: { vendor: context.vendorName } },
            body: { message: "sla.alarms.vendorBreach.bodyNamed", values: { vendor: context.vendorName, deadline } },
          }
        : {
            headline: { message: "sla.alarms.vendorBreach.headline" },
            body: { message: "sla.alarms.vendorBreach.body", values: { deadline } },
          };
    }
  }
}
