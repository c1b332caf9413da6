/**
 * What the journal and the e-mails say when an SLA alarm fires, in French. Pure.
 */
import type { PlannedAlarm } from "./sla-plan";
import type { Role } from "./vocabulary";

const DEADLINE = new Intl.DateTimeFormat("fr-FR", {
  timeZone: "Europe/Paris", weekday: "long", day: "numeric", month: "long", hour: "2-digit", minute: "2-digit",
});

/** "lundi 23 novembre à 14:30", Paris time. */
export function formatDeadline(instant: Date): string {
  return DEADLINE.format(instant);
}

const COMMITMENT = { tto: "de prise en charge", ttr: "de résolution" } as const;

/** Who each rung of a ladder calls, in words. */
export const ESCALATION_ROLE_LABELS: Partial<Record<Role, string>> = {
  sector_lead: "chef de secteur",
  service_lead: "chef de service",
  admin: "administrateur",
};

export type AlarmContext = {
  /** The deadlines the alarm is about. */
  readonly ownBy: Date | null;
  readonly resolveBy: Date | null;
  /** Names of the people an escalation calls (may be empty: nobody holds that role for the zone). */
  readonly people: readonly string[];
  readonly vendorName: string | null;
};

export type AlarmText = { readonly headline: string; readonly body: string };

export function alarmText(alarm: PlannedAlarm, context: AlarmContext): AlarmText {
  switch (alarm.kind) {
    case "warning": {
      const deadline = alarm.timer === "tto" ? context.ownBy : context.resolveBy;
      return {
        headline: `75 % du délai ${COMMITMENT[alarm.timer]} écoulé`,
        body: `Le délai ${COMMITMENT[alarm.timer]} de ce ticket arrive à échéance${deadline ? ` le ${formatDeadline(deadline)}` : ""}.`,
      };
    }
    case "breach":
      return {
        headline: `Délai ${COMMITMENT[alarm.timer]} dépassé`,
        body: `Le délai ${COMMITMENT[alarm.timer]} de ce ticket a expiré le ${formatDeadline(alarm.dueAt)}.`,
      };
    case "escalation": {
      const role = ESCALATION_ROLE_LABELS[alarm.role] ?? alarm.role;
      const who = context.people.length ? `${role} (${context.people.join(", ")})` : `${role} : personne n'occupe ce rôle pour cet établissement`;
      return {
        headline: `Escalade de niveau ${alarm.level} : ${role}`,
        body: alarm.level === 1
          ? `Le ticket a dépassé un délai d'engagement (${formatDeadline(alarm.dueAt)}) : il est escaladé au ${who}.`
          : `Le ticket n'est toujours pas résolu (${formatDeadline(alarm.dueAt)}) : il est escaladé au ${who}.`,
      };
    }
    case "vendor_breach":
      return {
        headline: `Délai du prestataire dépassé${context.vendorName ? ` : ${context.vendorName}` : ""}`,
        body: `Le prestataire${context.vendorName ? ` ${context.vendorName}` : ""} devait rendre ce ticket avant le ${formatDeadline(alarm.dueAt)} (délai contractuel). Le manquement est compté contre lui.`,
      };
  }
}
