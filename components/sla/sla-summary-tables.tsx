import { getFormatter, getTranslations } from "next-intl/server";
import { DataTable } from "@/components/ui/data-table";
import { complianceRate } from "@/lib/domain/sla-display";
import type { VendorCommitment } from "@/lib/domain/sla-vendor";
import { RepairTime } from "./repair-time";

type TeamFigures = {
  ownMeasured: number;
  ownMet: number;
  resolveMeasured: number;
  resolveMet: number;
  openAtRisk: number;
  openBreached: number;
  escalations: number;
};
type Props = {
  teams: Array<TeamFigures & { code: string; name: string }>;
  total: TeamFigures;
  vendors: Array<{
    vendorId: string;
    name: string;
    repairCommitment: VendorCommitment | null;
    measured: number;
    onTime: number;
    unmeasured: number;
    lateNow: number;
  }>;
};

const CELL = "px-3 py-2 whitespace-nowrap";

/** A share met, with what it is a share of: "75 % (3 sur 4)"; a dash when nothing was measured. */
async function Rate({ met, total }: { met: number; total: number }) {
  const [t, format] = await Promise.all([getTranslations("sla.summary"), getFormatter()]);
  const rate = complianceRate(met, total);
  if (rate === null) return <span className="text-slate-400">{t("noRate")}</span>;
  const tone = rate >= 0.9 ? "text-emerald-800" : rate >= 0.75 ? "text-amber-900" : "text-red-800";
  return (
    <span className={tone}>{t("rate", { rate: format.number(rate, { style: "percent", maximumFractionDigits: 0 }), met, total })}</span>
  );
}

const Count = ({ value, alert = false }: { value: number; alert?: boolean }) => (
  <span className={value > 0 && alert ? "font-semibold text-red-800" : value === 0 ? "text-slate-400" : ""}>{value}</span>
);

/** The per-team and per-vendor compliance tables of the SLA summary. */
export async function SlaSummaryTables({ teams, total, vendors }: Props) {
  const t = await getTranslations("sla.summary");
  const row = (key: string, label: React.ReactNode, figures: TeamFigures, strong = false) => (
    <tr key={key} data-team={key} className={`border-t border-slate-100 ${strong ? "bg-slate-50 font-medium" : ""}`}>
      <th scope="row" className="px-3 py-2 text-left font-normal">
        {label}
      </th>
      <td className={CELL}>
        <Count value={figures.ownMeasured} />
      </td>
      <td className={CELL}>
        <Rate met={figures.ownMet} total={figures.ownMeasured} />
      </td>
      <td className={CELL}>
        <Count value={figures.resolveMeasured} />
      </td>
      <td className={CELL}>
        <Rate met={figures.resolveMet} total={figures.resolveMeasured} />
      </td>
      <td className={CELL}>
        <Count value={figures.openAtRisk} />
      </td>
      <td className={CELL}>
        <Count value={figures.openBreached} alert />
      </td>
      <td className={CELL}>
        <Count value={figures.escalations} />
      </td>
    </tr>
  );
  return (
    <>
      <h2 className="mt-6 text-xl font-semibold">{t("teams")}</h2>
      {teams.length === 0 ? (
        <p className="mt-2 text-slate-600">{t("noTeams")}</p>
      ) : (
        <DataTable
          label={t("teams")}
          columns={[
            t("team"),
            t("ownMeasured"),
            t("ownRate"),
            t("resolveMeasured"),
            t("resolveRate"),
            t("openAtRisk"),
            t("openBreached"),
            t("escalations"),
          ]}
        >
          {teams.map((team) =>
            row(
              team.code,
              <>
                {team.name} <span className="font-mono text-xs text-slate-500">{team.code}</span>
              </>,
              team,
            ),
          )}
          {teams.length > 1 && row("total", t("total"), total, true)}
        </DataTable>
      )}
      <h2 className="mt-8 text-xl font-semibold">{t("vendors")}</h2>
      <DataTable
        label={t("vendors")}
        columns={[t("vendor"), t("repairTime"), t("measured"), t("onTimeRate"), t("unmeasured"), t("lateNow")]}
      >
        {vendors.map((vendor) => (
          <tr key={vendor.vendorId} data-vendor={vendor.name} className="border-t border-slate-100">
            <th scope="row" className="px-3 py-2 text-left font-normal">
              {vendor.name}
            </th>
            <td className={CELL}>
              <RepairTime commitment={vendor.repairCommitment} />
            </td>
            <td className={CELL}>
              <Count value={vendor.measured} />
            </td>
            <td className={CELL}>
              <Rate met={vendor.onTime} total={vendor.measured} />
            </td>
            <td className={CELL}>
              <Count value={vendor.unmeasured} />
            </td>
            <td className={CELL}>
              <Count value={vendor.lateNow} alert />
            </td>
          </tr>
        ))}
      </DataTable>
    </>
  );
}
