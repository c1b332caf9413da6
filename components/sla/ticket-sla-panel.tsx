import { getFormatter, getTranslations } from "next-intl/server";
import { Panel } from "@/components/ui/panel";
import { requestTranslator } from "@/lib/auth/request-translator";
import { formatBusinessDuration } from "@/lib/domain/business-calendar";
import type { SlaState, SlaTimerState } from "@/lib/domain/sla";
import type { VendorSlaState } from "@/lib/domain/sla-vendor";
import { formatRemaining } from "@/lib/domain/sla-display";
import { escalationRoleKey } from "@/lib/domain/sla-alarm-text";
import { timerBadge, vendorBadge, type TimerBadge } from "@/lib/domain/sla-display";
import type { Role } from "@/lib/domain/vocabulary";
import { SlaBadge } from "./sla-badge";

type Timer = { dueAt: Date; state: SlaTimerState; remainingMinutes: number; metAt: Date | null; paused: boolean };

/** The ticket's SLA computed live on its team's calendar (the shape of ticketSlaView). */
export type TicketSlaPanelView = {
  policyCode: string | null;
  commitment: { state: SlaState; paused: boolean; pausedMinutes: number; tto: Timer; ttr: Timer } | null;
  escalationLevel: number;
  vendor: {
    name: string;
    since: Date;
    endedAt: Date | null;
    dueAt: Date | null;
    state: VendorSlaState | null;
    remainingMinutes: number | null;
  } | null;
};

type Props = {
  view: TicketSlaPanelView;
  /** Who the ticket's current escalation level called, read from the journal (staff only). */
  escalationRole?: Role | null;
  /** School staff read plain words: no TTO/TTR, no internal escalation names. */
  forSchool?: boolean;
};

/** The school's word for a commitment's state (its catalogue has no "late" nor "cancelled"). */
const SCHOOL_WORD: Record<TimerBadge, string> = {
  ok: "ok",
  at_risk: "at_risk",
  breached: "breached",
  paused: "paused",
  met: "met",
  late: "missed",
  cancelled: "none",
};

const LONG = { weekday: "long", day: "numeric", month: "long", hour: "2-digit", minute: "2-digit" } as const;

/** Both commitments with their deadline and remaining business time, the pause, the escalation level and the vendor's own timer. */
export async function TicketSlaPanel({ view, escalationRole = null, forSchool = false }: Props) {
  const [t, tAll, format, words] = await Promise.all([
    getTranslations("sla.panel"),
    getTranslations(),
    getFormatter(),
    requestTranslator(),
  ]);
  const date = (value: Date) => format.dateTime(value, LONG);
  const { commitment, vendor } = view;

  const timer = (key: "tto" | "ttr", value: Timer) => {
    const badge = timerBadge(value);
    return (
      <div key={key} data-sla-timer={key}>
        <dt className="flex flex-wrap items-center justify-between gap-2 font-medium">
          <span>{t(forSchool ? `${key}School` : key)}</span>
          <SlaBadge group={forSchool ? "schoolBadge" : "timerBadge"} state={forSchool ? SCHOOL_WORD[badge] : badge} />
        </dt>
        {badge !== "cancelled" && (
          <dd className="mt-1 text-slate-700">
            {value.metAt ? (
              <p>{t("metAt", { date: date(value.metAt!) })}</p>
            ) : (
              <p>{t(forSchool ? "dueAtSchool" : "dueAt", { date: date(value.dueAt) })}</p>
            )}
            {(!value.metAt || badge === "late") && <p className="text-slate-600">{formatRemaining(value.remainingMinutes, words)}</p>}
          </dd>
        )}
      </div>
    );
  };

  const vendorShown = vendor && (!forSchool || vendor.endedAt === null);
  return (
    <Panel
      title={
        <span className="flex flex-wrap items-center justify-between gap-2">
          <span>{t(forSchool ? "titleSchool" : "title")}</span>
          {commitment && (
            <SlaBadge
              group={forSchool ? "schoolBadge" : "badge"}
              state={commitment.paused && commitment.state !== "breached" ? "paused" : commitment.state}
            />
          )}
        </span>
      }
    >
      <div className="space-y-3 text-sm" data-testid="ticket-sla">
        {commitment ? (
          <>
            {commitment.paused && (
              <p role="status" className="rounded-md border border-sky-200 bg-sky-50 p-2 text-sky-900">
                {t(forSchool ? "pausedSchool" : "paused")}
                {!forSchool && <span className="block text-xs text-sky-800">{t("pausedProjection")}</span>}
              </p>
            )}
            <dl className="space-y-3">
              {timer("tto", commitment.tto)}
              {timer("ttr", commitment.ttr)}
            </dl>
            {commitment.pausedMinutes > 0 && (
              <p className="text-slate-600">{t("pausedSoFar", { duration: formatBusinessDuration(commitment.pausedMinutes, words) })}</p>
            )}
          </>
        ) : (
          <p className="text-slate-600">{t(forSchool ? "noneSchool" : "none")}</p>
        )}
        {forSchool
          ? view.escalationLevel > 0 && <p className="text-slate-700">{t("escalationSchool")}</p>
          : // "No escalation yet" would contradict the vendor's timer below: said only when nothing is escalated.
            !(view.escalationLevel === 0 && vendor?.endedAt === null) && (
              <p className="text-slate-700">
                {view.escalationLevel === 0
                  ? t("noEscalation")
                  : escalationRole && tAll.has(escalationRoleKey(escalationRole) as never)
                    ? t("escalation", { level: view.escalationLevel, role: tAll(escalationRoleKey(escalationRole) as never) })
                    : t("escalationUnknownRole", { level: view.escalationLevel })}
              </p>
            )}
        {vendor && vendorShown && (
          <div data-sla-timer="vendor" className="rounded-md border border-orange-200 bg-orange-50 p-2">
            <p className="flex flex-wrap items-center justify-between gap-2 font-medium">
              <span>{t(forSchool ? "vendorSchool" : "vendor", { name: vendor.name })}</span>
              {!forSchool && <SlaBadge group="vendorBadge" state={vendorBadge(vendor)} />}
            </p>
            {!forSchool && <p className="text-slate-700">{t("vendorSince", { date: date(vendor.since) })}</p>}
            {vendor.dueAt ? (
              <p className="text-slate-700">{t(forSchool ? "vendorDueSchool" : "vendorDue", { date: date(vendor.dueAt!) })}</p>
            ) : (
              !forSchool && <p className="text-slate-600">{t("vendorNone")}</p>
            )}
            {vendor.endedAt ? (
              <p className="text-slate-700">{t("vendorEnded", { date: date(vendor.endedAt!) })}</p>
            ) : (
              vendor.remainingMinutes !== null && <p className="text-slate-600">{formatRemaining(vendor.remainingMinutes, words)}</p>
            )}
            {vendor.endedAt === null && commitment && <p className="mt-1 text-xs text-slate-600">{t("vendorTicketTtr")}</p>}
          </div>
        )}
        {!forSchool && view.policyCode && <p className="text-xs text-slate-500">{t("policy", { code: view.policyCode })}</p>}
        <p className="text-xs text-slate-500">{t(forSchool ? "businessHoursSchool" : "businessHours")}</p>
      </div>
    </Panel>
  );
}
