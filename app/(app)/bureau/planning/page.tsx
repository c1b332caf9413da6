import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { AbsenceForm, DeleteAbsenceForm, ScheduleSlotForm, VisitExceptionForm } from "@/components/planning/planning-forms";
import { WeekGrid } from "@/components/planning/week-grid";
import { Panel } from "@/components/ui/panel";
import { titled } from "@/i18n/page-title";
import { pageCaller } from "@/lib/auth/current-caller";
import { parisDay } from "@/lib/domain/business-calendar";
import { can } from "@/lib/domain/permissions";
import { isoWeekOf, shiftIsoWeek, weekDates } from "@/lib/domain/visit-planning";
import { visitDay } from "@/lib/presentation/visit-day";
import { isoWeekSchema } from "@/lib/schemas/planning";
import { readTeamWeeks } from "@/lib/services/planning/technician-planning";
import { addAbsenceAction, deleteAbsenceAction, setExceptionAction, setSlotAction } from "./actions";

export const generateMetadata = titled("planning");

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** My week and my team's (ISO week in the address, `?semaine=2026-W50`), with the tickets planned in each visit; absences and default weeks edited below. */
export default async function PlanningPage({ searchParams }: Props) {
  const caller = await pageCaller();
  if (!can(caller, "planning.use")) notFound();
  const asked = isoWeekSchema.safeParse((await searchParams).semaine);
  const week = asked.success ? asked.data : isoWeekOf(parisDay(new Date()));
  const [t, locale, weeks] = await Promise.all([getTranslations("planning"), getLocale(), readTeamWeeks(caller, week)]);
  const lang = locale === "en" ? "en" : "fr";
  const dates = weekDates(week);
  const mine = weeks.find((row) => row.technician.id === caller.id) ?? null;
  const team = weeks.filter((row) => row.technician.id !== caller.id);
  // A lead (or an admin) edits their zone's technicians' plannings; a technician their own.
  const editable = caller.role === "technician" ? weeks.filter((row) => row.technician.id === caller.id) : weeks;
  const people = editable.map((row) => row.technician);
  const href = (target: string) => `/bureau/planning?semaine=${target}`;

  return (
    <section className="space-y-4">
      <h1 className="text-2xl font-semibold">{t("page.title")}</h1>
      <nav aria-label={t("page.title")} className="flex flex-wrap items-center gap-3 text-sm">
        <Link className="text-brand-700 underline" href={href(shiftIsoWeek(week, -1))}>
          {t("page.previous")}
        </Link>
        <span className="font-medium">{t("page.weekOf", { week, from: visitDay(dates[0]!, lang), to: visitDay(dates[4]!, lang) })}</span>
        <Link className="text-brand-700 underline" href={href(shiftIsoWeek(week, 1))}>
          {t("page.next")}
        </Link>
        <Link className="text-brand-700 underline" href="/bureau/planning">
          {t("page.current")}
        </Link>
      </nav>

      <section aria-labelledby="my-week" className="space-y-2">
        <h2 id="my-week" className="text-lg font-semibold">
          {t("page.myWeek")}
        </h2>
        {mine ? <WeekGrid week={mine} /> : <p className="text-sm text-slate-600">{t("page.noPlanning")}</p>}
      </section>

      <section aria-labelledby="team-week" className="space-y-2">
        <h2 id="team-week" className="text-lg font-semibold">
          {t("page.teamWeek")}
        </h2>
        {team.length ? (
          team.map((row) => <WeekGrid key={row.technician.id} week={row} />)
        ) : (
          <p className="text-sm text-slate-600">{t("page.noTeam")}</p>
        )}
      </section>

      {people.length > 0 && (
        <div className="grid gap-4 lg:grid-cols-3">
          <Panel title={t("absences.title")}>
            <div className="space-y-3">
              <ul className="space-y-1 text-sm">
                {editable.flatMap((row) =>
                  row.absences.map((absence) => (
                    <li key={absence.id} className="flex flex-wrap items-center gap-2">
                      <span>
                        {row.technician.name} :{" "}
                        {t("absences.range", { from: visitDay(absence.startsOn, lang), to: visitDay(absence.endsOn, lang) })}
                        {absence.note ? ` (${absence.note})` : ""}
                      </span>
                      <DeleteAbsenceForm action={deleteAbsenceAction} id={absence.id} />
                    </li>
                  )),
                )}
                {editable.every((row) => row.absences.length === 0) && <li className="text-slate-600">{t("absences.none")}</li>}
              </ul>
              <AbsenceForm action={addAbsenceAction} technicians={people} />
            </div>
          </Panel>
          <Panel title={t("schedule.title")}>
            <ScheduleSlotForm action={setSlotAction} technicians={people} />
          </Panel>
          <Panel title={t("schedule.exceptionTitle")}>
            <VisitExceptionForm action={setExceptionAction} technicians={people} />
          </Panel>
        </div>
      )}
    </section>
  );
}
