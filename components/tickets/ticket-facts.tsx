import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { DateTime } from "@/components/ui/date-time";
import { Panel } from "@/components/ui/panel";
import type { Impact, TicketChannel, Urgency } from "@/lib/domain/vocabulary";

type Props = {
  ticket: {
    establishment: { uai: string; name: string };
    service: { name: string };
    category: { name: string };
    impact: Impact;
    urgency: Urgency;
    createdAt: Date;
    requester: { name: string; leftSchool: boolean };
    assignedTeam: { name: string } | null;
    assignee: { name: string } | null;
    /** While escalated to a vendor: which one, and its own reference for the ticket. */
    vendor?: { name: string; reference: string | null } | null;
    mergedInto?: { reference: string } | null;
    /** How it came in, and who took the call (or filed it for the requester). */
    channel?: TicketChannel;
    takenBy?: { name: string } | null;
  };
  /** Where another ticket's page is for this reader (the school's portal or the desk). */
  ticketHref?: (reference: string) => string;
};

/** Who, where and how urgent: the facts beside a ticket's history. */
export async function TicketFacts({ ticket, ticketHref = (reference) => `/demandes/${reference}` }: Props) {
  const [t, tPeople] = await Promise.all([getTranslations("tickets"), getTranslations("people")]);
  const rows: Array<[string, React.ReactNode]> = [
    [
      t("detail.establishment"),
      <>
        {ticket.establishment.name} <span className="text-slate-500">({ticket.establishment.uai})</span>
      </>,
    ],
    [t("detail.serviceCategory"), `${ticket.service.name} › ${ticket.category.name}`],
    [t("detail.impact"), t(`impact.${ticket.impact}`)],
    [t("detail.urgency"), t(`urgency.${ticket.urgency}`)],
    [t("detail.createdAt"), <DateTime key="created" value={ticket.createdAt} />],
    [
      t("detail.requester"),
      ticket.requester.leftSchool ? (
        <>
          {ticket.requester.name}{" "}
          <span className="text-slate-500" data-left-school>
            ({tPeople("leftSchool")})
          </span>
        </>
      ) : (
        ticket.requester.name
      ),
    ],
    ...(ticket.channel ? [[t("detail.channel"), t(`channel.${ticket.channel}`)] as [string, React.ReactNode]] : []),
    ...(ticket.takenBy
      ? [[t(ticket.channel === "phone" ? "detail.takenBy" : "detail.filedBy"), ticket.takenBy.name] as [string, React.ReactNode]]
      : []),
    [t("detail.team"), ticket.assignedTeam?.name ?? <span className="text-slate-500">{t("detail.unassigned")}</span>],
    [t("detail.technician"), ticket.assignee?.name ?? <span className="text-slate-500">{t("detail.noTechnician")}</span>],
  ];
  if (ticket.vendor) {
    rows.push([
      t("detail.vendor"),
      ticket.vendor.reference
        ? t("detail.vendorWithReference", { vendor: ticket.vendor.name, reference: ticket.vendor.reference })
        : ticket.vendor.name,
    ]);
  }
  if (ticket.mergedInto) {
    rows.push([
      t("detail.mergedInto"),
      <Link key="master" className="font-mono text-brand-700 underline" href={ticketHref(ticket.mergedInto.reference)}>
        {ticket.mergedInto.reference}
      </Link>,
    ]);
  }
  return (
    <Panel title={t("detail.facts")}>
      <dl className="space-y-2 text-sm">
        {rows.map(([label, value]) => (
          <div key={label}>
            <dt className="text-slate-500">{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
    </Panel>
  );
}
