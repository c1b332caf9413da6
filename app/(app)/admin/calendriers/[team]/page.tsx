import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { pageTitle } from "@/i18n/page-title";
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

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return pageTitle("calendar", { team: decodeURIComponent((await params).team) });
}

/** One team's weekly hours and escalation ladder, each with a way back to the default. */
export default async function TeamCalendarPage({ params }: Props) {
  const caller = await pageCaller();
  const team = await readTeamSlaSettings(caller, decodeURIComponent((await params).team));
  if (!team) notFound();
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
