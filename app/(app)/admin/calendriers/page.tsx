import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { RepairTime } from "@/components/sla/repair-time";
import { ClosureForm } from "@/components/sla-admin/closure-form";
import { HiddenFieldsButton } from "@/components/sla-admin/hidden-fields-button";
import { RepairTimeForm } from "@/components/sla-admin/repair-time-form";
import { DataTable } from "@/components/ui/data-table";
import { EditLinkCell } from "@/components/ui/edit-link-cell";
import { dateWriter } from "@/components/ui/date-time";
import { pageCaller } from "@/lib/auth/current-caller";
import { requestTranslator } from "@/lib/auth/request-translator";
import { DEFAULT_CALENDAR } from "@/lib/domain/business-calendar";
import { DEFAULT_ESCALATION_LEVELS } from "@/lib/domain/sla-alarms";
import { repairTimeChoice } from "@/lib/domain/sla-display";
import { PARTIES, type Role } from "@/lib/domain/vocabulary";
import { describeWeeklyHours } from "@/lib/domain/weekly-hours";
import { readSlaSettings } from "@/lib/services/sla/sla-settings";
import { addClosureAction, deleteClosureAction, setRepairTimeAction } from "./actions";
import { titled } from "@/i18n/page-title";

export const generateMetadata = titled("calendars");

const Tag = ({ custom, label }: { custom: boolean; label: string }) => (
  <span className={`ml-1 rounded px-1.5 py-0.5 text-xs ${custom ? "bg-brand-50 text-brand-800" : "bg-slate-100 text-slate-600"}`}>
    {label}
  </span>
);

/** Closures, each team's weekly hours and escalation ladder, each vendor's repair time: admins only. */
export default async function CalendarsPage() {
  const caller = await pageCaller();
  const settings = await readSlaSettings(caller, new Date());
  if (!settings) notFound();
  const [t, tRoles, write, words] = await Promise.all([
    getTranslations("sla"),
    getTranslations("roles"),
    dateWriter(),
    requestTranslator(),
  ]);
  const day = (iso: string) => write.day(iso, "longDay");
  const ladder = (levels: readonly { level: number; role: string; afterPercentOfResolve: number }[]) =>
    [...levels]
      .sort((x, y) => x.level - y.level)
      .map((level) => t("admin.teams.ladderStep", { role: tRoles(level.role as Role).toLowerCase(), percent: level.afterPercentOfResolve }))
      .join(", ");

  return (
    <section className="space-y-8">
      <div>
        <h1 className="text-2xl font-semibold">{t("admin.title")}</h1>
        <p className="mt-2 text-slate-600">{t("admin.intro")}</p>
      </div>

      <section aria-labelledby="closures">
        <h2 id="closures" className="text-xl font-semibold">
          {t("admin.closures.title")}
        </h2>
        <p className="mt-1 text-sm text-slate-600">{t("admin.closures.intro")}</p>
        <div className="mt-3">
          <ClosureForm action={addClosureAction} teams={settings.teams.map(({ code, name }) => ({ code, name }))} />
        </div>
        {settings.closures.length === 0 ? (
          <p className="mt-3 text-slate-600">{t("admin.closures.empty")}</p>
        ) : (
          <DataTable
            columns={[
              t("admin.closures.label"),
              t("admin.closures.period"),
              t("admin.closures.team"),
              t("admin.closures.addedBy"),
              <span key="a" className="sr-only">
                Actions
              </span>,
            ]}
          >
            {settings.closures.map((closure) => (
              <tr
                key={closure.id}
                data-closure={closure.label}
                className={`border-t border-slate-100 ${closure.to < settings.today ? "text-slate-500" : ""}`}
              >
                <td className="px-3 py-2">
                  {closure.label}
                  {closure.to < settings.today && <Tag custom={false} label={t("admin.closures.past")} />}
                </td>
                <td className="whitespace-nowrap px-3 py-2">
                  {closure.from === closure.to ? day(closure.from) : `${day(closure.from)} – ${day(closure.to)}`}
                </td>
                <td className="px-3 py-2">{closure.team ? closure.team.name : t("admin.closures.allTeams")}</td>
                <td className="px-3 py-2">{closure.createdBy ?? "—"}</td>
                <td className="px-3 py-2">
                  <HiddenFieldsButton
                    action={deleteClosureAction}
                    fields={{ id: closure.id }}
                    label={t("admin.closures.delete")}
                    pendingLabel={t("admin.closures.deleting")}
                    ariaLabel={t("admin.closures.deleteNamed", { label: closure.label })}
                    danger
                  />
                </td>
              </tr>
            ))}
          </DataTable>
        )}
      </section>

      <section aria-labelledby="teams">
        <h2 id="teams" className="text-xl font-semibold">
          {t("admin.teams.title")}
        </h2>
        {PARTIES.map((party) => {
          const teams = settings.teams.filter((team) => team.party === party);
          if (!teams.length) return null;
          return (
            <div key={party} className="mt-4">
              <h3 className="font-medium">{t(`admin.party.${party}`)}</h3>
              <DataTable
                columns={[
                  t("admin.teams.team"),
                  t("admin.teams.hours"),
                  t("admin.teams.ladder"),
                  t("admin.teams.open"),
                  <span key="a" className="sr-only">
                    Actions
                  </span>,
                ]}
              >
                {teams.map((team) => (
                  <tr key={team.code} data-team={team.code} className="border-t border-slate-100">
                    <td className="px-3 py-2">
                      {team.name} <span className="font-mono text-xs text-slate-500">{team.code}</span>
                    </td>
                    <td className="px-3 py-2">
                      {describeWeeklyHours(team.weeklyHours ?? DEFAULT_CALENDAR.weekly, words)}
                      <Tag custom={team.weeklyHours !== null} label={t(team.weeklyHours ? "admin.teams.custom" : "admin.teams.default")} />
                    </td>
                    <td className="px-3 py-2">
                      {ladder(team.escalationLevels ?? DEFAULT_ESCALATION_LEVELS)}
                      <Tag
                        custom={team.escalationLevels !== null}
                        label={t(team.escalationLevels ? "admin.teams.custom" : "admin.teams.default")}
                      />
                    </td>
                    <td className="px-3 py-2">{team.openTickets}</td>
                    <EditLinkCell
                      href={`/admin/calendriers/${encodeURIComponent(team.code)}`}
                      label={t("admin.teams.editNamed", { team: team.name })}
                      text={t("admin.teams.edit")}
                    />
                  </tr>
                ))}
              </DataTable>
            </div>
          );
        })}
      </section>

      <section aria-labelledby="vendors">
        <h2 id="vendors" className="text-xl font-semibold">
          {t("admin.vendors.title")}
        </h2>
        <p className="mt-1 text-sm text-slate-600">{t("admin.vendors.intro")}</p>
        <DataTable columns={[t("admin.vendors.vendor"), t("summary.repairTime"), t("admin.vendors.mode")]}>
          {settings.vendors.map((vendor) => {
            const choice = repairTimeChoice(vendor.repairCommitment);
            return (
              <tr key={vendor.id} data-vendor={vendor.name} className="border-t border-slate-100">
                <td className="px-3 py-2">
                  {vendor.name}
                  {vendor.contract && <span className="block text-xs text-slate-500">{vendor.contract}</span>}
                </td>
                <td className="whitespace-nowrap px-3 py-2">
                  <RepairTime commitment={vendor.repairCommitment} />
                </td>
                <td className="px-3 py-2">
                  <RepairTimeForm
                    action={setRepairTimeAction}
                    vendor={{ id: vendor.id, name: vendor.name }}
                    mode={choice.mode}
                    hours={choice.mode === "hours" ? choice.hours : null}
                  />
                </td>
              </tr>
            );
          })}
        </DataTable>
      </section>
    </section>
  );
}
