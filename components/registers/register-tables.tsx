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

type Entry = Approval & { id: string; school: School };
type Column<Row> = { header: React.ReactNode; cell: (row: Row) => React.ReactNode; className?: string };
type Translate = Awaited<ReturnType<typeof getTranslations<"registers">>>;
type DayWriter = Awaited<ReturnType<typeof dateWriter>>;

/** One register as a table (cards on a phone): the school first on the Région's view, then the register's own columns. */
function RegisterTable<Row extends Entry>({
  rows,
  label,
  schoolColumn,
  schoolHeader,
  columns,
}: {
  rows: Row[];
  label: string;
  schoolColumn: boolean;
  schoolHeader: string;
  columns: Column<Row>[];
}) {
  const school: Column<Row> = {
    header: schoolHeader,
    cell: (row) => (
      <>
        {row.school.name} <span className="font-mono text-slate-500">{row.school.uai}</span>
      </>
    ),
  };
  const shown = schoolColumn ? [school, ...columns] : columns;
  return (
    <DataTable cards label={label} columns={shown.map((column) => column.header)}>
      {rows.map((row) => (
        <tr key={row.id} className="border-t border-slate-100 align-top" data-register-entry={row.id}>
          {shown.map((column, index) => (
            <td key={index} className={column.className ?? "px-3 py-2"}>
              {column.cell(row)}
            </td>
          ))}
        </tr>
      ))}
    </DataTable>
  );
}

/** The columns every register shows: when the entry holds and whether it is in force. */
function periodColumns<Row extends Entry>(t: Translate, format: DayWriter): Column<Row>[] {
  return [
    { header: t("columns.from"), cell: (row) => format.day(row.startsOn) },
    { header: t("columns.to"), cell: (row) => format.day(row.endsOn) },
    { header: t("columns.state"), cell: (row) => <StateBadge state={row.state} /> },
  ];
}

/** Who approved the entry, and the request it came from (`more` adds to that cell). */
function approvalColumns<Row extends Entry>(
  t: Translate,
  ticketHref: (reference: string) => string,
  more?: (row: Row) => React.ReactNode,
): Column<Row>[] {
  return [
    { header: t("columns.approvedBy"), cell: (row) => row.approvedBy?.name },
    {
      header: t("columns.ticket"),
      cell: (row) => (
        <>
          <Link className="text-brand-700 underline" href={ticketHref(row.ticketReference)}>
            {row.ticketReference}
          </Link>
          {more?.(row)}
        </>
      ),
    },
  ];
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
  const removal = (row: FilteringRow) =>
    row.removalTicketReference && (
      <>
        <br />
        <span className="text-slate-600">{t("filtering.removal")} </span>
        <Link className="text-brand-700 underline" href={ticketHref(row.removalTicketReference)}>
          {row.removalTicketReference}
        </Link>
      </>
    );
  const renewColumn: Column<FilteringRow>[] = renew
    ? [{ header: <span className="sr-only">{t("filtering.renew")}</span>, cell: renew }]
    : [];
  return (
    <RegisterTable
      rows={rows}
      label={t("filtering.title")}
      schoolColumn={schoolColumn}
      schoolHeader={t("columns.school")}
      columns={[
        { header: t("filtering.url"), cell: (row) => row.url, className: "px-3 py-2 break-all" },
        { header: t("filtering.decision"), cell: (row) => t(`decisions.${row.decision}`) },
        ...periodColumns<FilteringRow>(t, format),
        ...approvalColumns(t, ticketHref, removal),
        ...renewColumn,
      ]}
    />
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
  return (
    <RegisterTable
      rows={rows}
      label={t("delegations.title")}
      schoolColumn={schoolColumn}
      schoolHeader={t("columns.school")}
      columns={[
        {
          header: t("delegations.person"),
          cell: (row) => (
            <>
              {row.delegate.name}
              {!row.delegate.id && <span className="text-slate-500"> ({t("delegations.noAccount")})</span>}
            </>
          ),
        },
        { header: t("delegations.scope"), cell: (row) => row.scope },
        { header: t("delegations.actions"), cell: (row) => row.actions },
        ...periodColumns<DelegationRow>(t, format),
        {
          header: t("delegations.review"),
          cell: (row) => (
            <>
              {row.needsReview && <p className="font-medium text-amber-800">{t(`reviewReasons.${row.needsReview}`)}</p>}
              {row.state === "in_force" && (
                <p className="text-slate-600">{t("delegations.reviewDue", { date: format.day(row.reviewDueOn) })}</p>
              )}
              {review && row.state === "in_force" && <div className="mt-1">{review(row)}</div>}
            </>
          ),
        },
        ...approvalColumns<DelegationRow>(t, ticketHref),
      ]}
    />
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
