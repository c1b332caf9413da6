import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { dateWriter } from "@/components/ui/date-time";
import { DataTable } from "@/components/ui/data-table";

type State = "in_force" | "expired" | "upcoming";
type School = { uai: string; name: string };
type Approval = { approvedBy: { name: string } | null; ticketReference: string; startsOn: string; endsOn: string; state: State };
type FilteringRow = Approval & {
  id: string;
  school: School;
  url: string;
  decision: "allow" | "deny";
  removalTicketReference: string | null;
};
type DelegationRow = Approval & {
  id: string;
  school: School;
  delegate: { id: string | null; name: string };
  scope: string;
  actions: string;
  reviewDueOn: string;
  needsReview: "head_changed" | "delegate_left" | "anniversary" | null;
};

const STATE_TONE: Record<State, string> = {
  in_force: "bg-emerald-50 text-emerald-800 ring-emerald-200",
  expired: "bg-slate-100 text-slate-700 ring-slate-300",
  upcoming: "bg-sky-50 text-sky-800 ring-sky-200",
};

async function StateBadge({ state }: { state: State }) {
  const t = await getTranslations("registers.states");
  return (
    <span data-state={state} className={`inline-block rounded-full px-2 py-0.5 text-xs font-medium ring-1 ${STATE_TONE[state]}`}>
      {t(state)}
    </span>
  );
}

/** The filtering exceptions register; `schoolColumn` for the Région's view, `renew` the form for each entry still worth renewing. */
export async function FilteringTable({
  rows,
  schoolColumn,
  ticketHref,
  renew,
}: {
  rows: FilteringRow[];
  schoolColumn: boolean;
  ticketHref: (reference: string) => string;
  renew?: (row: FilteringRow) => React.ReactNode;
}) {
  const [t, format] = await Promise.all([getTranslations("registers"), dateWriter()]);
  if (!rows.length) return <p className="mt-2 text-sm text-slate-600">{t("filtering.empty")}</p>;
  const columns = [
    ...(schoolColumn ? [t("columns.school")] : []),
    t("filtering.url"),
    t("filtering.decision"),
    t("columns.from"),
    t("columns.to"),
    t("columns.state"),
    t("columns.approvedBy"),
    t("columns.ticket"),
    ...(renew
      ? [
          <span key="renew" className="sr-only">
            {t("filtering.renew")}
          </span>,
        ]
      : []),
  ];
  return (
    <DataTable cards label={t("filtering.title")} columns={columns}>
      {rows.map((row) => (
        <tr key={row.id} className="border-t border-slate-100 align-top" data-register-entry={row.id}>
          {schoolColumn && (
            <td className="px-3 py-2">
              {row.school.name} <span className="font-mono text-slate-500">{row.school.uai}</span>
            </td>
          )}
          <td className="px-3 py-2 break-all">{row.url}</td>
          <td className="px-3 py-2">{t(`decisions.${row.decision}`)}</td>
          <td className="px-3 py-2">{format.day(row.startsOn)}</td>
          <td className="px-3 py-2">{format.day(row.endsOn)}</td>
          <td className="px-3 py-2">
            <StateBadge state={row.state} />
          </td>
          <td className="px-3 py-2">{row.approvedBy?.name}</td>
          <td className="px-3 py-2">
            <Link className="text-brand-700 underline" href={ticketHref(row.ticketReference)}>
              {row.ticketReference}
            </Link>
            {row.removalTicketReference && (
              <>
                <br />
                <span className="text-slate-600">{t("filtering.removal")} </span>
                <Link className="text-brand-700 underline" href={ticketHref(row.removalTicketReference)}>
                  {row.removalTicketReference}
                </Link>
              </>
            )}
          </td>
          {renew && <td className="px-3 py-2">{renew(row)}</td>}
        </tr>
      ))}
    </DataTable>
  );
}

/** The delegations register, with each delegation's next review and why it is "à revoir". */
export async function DelegationTable({
  rows,
  schoolColumn,
  ticketHref,
  review,
}: {
  rows: DelegationRow[];
  schoolColumn: boolean;
  ticketHref: (reference: string) => string;
  review?: (row: DelegationRow) => React.ReactNode;
}) {
  const [t, format] = await Promise.all([getTranslations("registers"), dateWriter()]);
  if (!rows.length) return <p className="mt-2 text-sm text-slate-600">{t("delegations.empty")}</p>;
  const columns = [
    ...(schoolColumn ? [t("columns.school")] : []),
    t("delegations.person"),
    t("delegations.scope"),
    t("delegations.actions"),
    t("columns.from"),
    t("columns.to"),
    t("columns.state"),
    t("delegations.review"),
    t("columns.approvedBy"),
    t("columns.ticket"),
  ];
  return (
    <DataTable cards label={t("delegations.title")} columns={columns}>
      {rows.map((row) => (
        <tr key={row.id} className="border-t border-slate-100 align-top" data-register-entry={row.id}>
          {schoolColumn && (
            <td className="px-3 py-2">
              {row.school.name} <span className="font-mono text-slate-500">{row.school.uai}</span>
            </td>
          )}
          <td className="px-3 py-2">
            {row.delegate.name}
            {!row.delegate.id && <span className="text-slate-500"> ({t("delegations.noAccount")})</span>}
          </td>
          <td className="px-3 py-2">{row.scope}</td>
          <td className="px-3 py-2">{row.actions}</td>
          <td className="px-3 py-2">{format.day(row.startsOn)}</td>
          <td className="px-3 py-2">{format.day(row.endsOn)}</td>
          <td className="px-3 py-2">
            <StateBadge state={row.state} />
          </td>
          <td className="px-3 py-2">
            {row.needsReview && <p className="font-medium text-amber-800">{t(`reviewReasons.${row.needsReview}`)}</p>}
            {row.state === "in_force" && (
              <p className="text-slate-600">{t("delegations.reviewDue", { date: format.day(row.reviewDueOn) })}</p>
            )}
            {review && row.state === "in_force" && <div className="mt-1">{review(row)}</div>}
          </td>
          <td className="px-3 py-2">{row.approvedBy?.name}</td>
          <td className="px-3 py-2">
            <Link className="text-brand-700 underline" href={ticketHref(row.ticketReference)}>
              {row.ticketReference}
            </Link>
          </td>
        </tr>
      ))}
    </DataTable>
  );
}

/** A school (or its rooms) in `ouvert` mode without a delegation in force. */
export async function DelegationGapNotice({
  gap,
  withSchool = false,
}: {
  gap: { school: School; whole: boolean; rooms: string[] };
  withSchool?: boolean;
}) {
  const t = await getTranslations("registers.gaps");
  return (
    <div
      role="note"
      data-delegation-gap={gap.school.uai}
      className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900"
    >
      {withSchool && (
        <p className="font-medium">
          {gap.school.name} <span className="font-mono">{gap.school.uai}</span>
        </p>
      )}
      {gap.whole && <p>{t("school")}</p>}
      {gap.rooms.length > 0 && <p>{t("rooms", { rooms: gap.rooms.join(", ") })}</p>}
    </div>
  );
}
