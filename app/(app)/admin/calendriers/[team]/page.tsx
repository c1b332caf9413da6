import Link from "next/link";
import { cache } from "react";
import { getTranslations } from "next-intl/server";
import { titledOnceFound } from "@/i18n/page-title";
import { notFound } from "next/navigation";
import { HiddenFieldsButton } from "@/components/sla-admin/hidden-fields-button";
import { LadderForm } from "@/components/sla-admin/ladder-form";
import { WeeklyHoursForm } from "@/components/sla-admin/weekly-hours-form";
import { Panel } from "@/components/ui/panel";
import { pageCaller } from "@/lib/auth/current-caller";
import { requestTranslator } from "@/lib/auth/request-translator";
import { describeWeeklyHours } from "@/lib/domain/weekly-hours";
import { readTeamSlaSettings } from "@/lib/services/sla/sla-settings";
import { resetSetting, saveLadder, saveWeeklyHours } from "./actions";

type Props = { params: Promise<{ team: string }> };

/** The team's settings the caller may edit, or the 404 page; one lookup per request for the title and the body. */
const visibleTeam = cache(async (code: string) => {
  const team = await readTeamSlaSettings(await pageCaller(), code);
  if (!team) notFound();
  return team;
});

const teamOf = async ({ params }: Props) => visibleTeam(decodeURIComponent((await params).team));

export const generateMetadata = titledOnceFound("calendar", teamOf, (team) => ({ team: team.code }));

/** One team's weekly hours and escalation ladder, each with a way back to the default. */
export default async function TeamCalendarPage(props: Props) {
  const team = await teamOf(props);
  const [t, words] = await Promise.all([getTranslations("sla.admin"), requestTranslator()]);
  const reset = (what: "hours" | "ladder") => (
    <div className="mt-3">
      <HiddenFieldsButton
        action={resetSetting}
        fields={{ teamCode: team.code, what }}
        label={t("team.reset")}
        pendingLabel={t("team.saving")}
      />
    </div>
  );

  return (
    <section className="space-y-4">
      <Link href="/admin/calendriers" className="text-sm text-brand-700 underline">
        {t("team.back")}
      </Link>
      <h1 className="text-2xl font-semibold">{t("team.title", { team: team.name })}</h1>
      <p className="text-slate-600">{t("intro")}</p>
      <Panel title={t("team.hoursTitle")}>
        <p className="text-sm text-slate-600">{t("team.hoursIntro")}</p>
        <p className="mt-1 text-sm">
          {t("team.current", { hours: describeWeeklyHours(team.weekly, words) })}{" "}
          {t(team.customHours ? "team.customHours" : "team.defaultHours")}
        </p>
        <div className="mt-3">
          <WeeklyHoursForm action={saveWeeklyHours} teamCode={team.code} weekly={team.weekly} />
        </div>
        {team.customHours && reset("hours")}
      </Panel>
      <Panel title={t("team.ladderTitle")}>
        <p className="text-sm text-slate-600">{t("team.ladderIntro")}</p>
        <p className="mt-1 text-sm">{t(team.customLadder ? "team.customLadder" : "team.defaultLadder")}</p>
        <div className="mt-3">
          <LadderForm action={saveLadder} teamCode={team.code} levels={team.levels} />
        </div>
        {team.customLadder && reset("ladder")}
      </Panel>
    </section>
  );
}
