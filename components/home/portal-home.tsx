import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { RequesterTicketTable, type RequesterTicketRow } from "@/components/tickets/requester-ticket-table";
import { StatusBadge } from "@/components/tickets/status-badge";
import { HomeSection } from "./home-section";
import type { Role, TicketStatus } from "@/lib/domain/vocabulary";

type Ticket = { reference: string; title: string; status: TicketStatus };
type Portal = {
  mine: RequesterTicketRow[];
  waiting: { answer: Ticket[]; confirm: Ticket[] };
  incidents: Array<Ticket & { establishment: { name: string } }>;
  contacts: {
    staff: Array<{ id: string; name: string; role: Role; email: string; phone: string | null; functionLabel: string | null }>;
    teams: Array<{ code: string; name: string }>;
  };
};

const ACTION = "block rounded-lg border-2 p-4 text-center font-semibold";

/** School staff's home: file, then what waits for them, their open requests, the school's incidents and contacts. */
export async function PortalHome({ portal }: { portal: Portal }) {
  const [t, tRoles] = await Promise.all([getTranslations("shell.home"), getTranslations("roles")]);
  const waiting = [
    ...portal.waiting.answer.map((ticket) => ({ ticket, why: "answer" as const })),
    ...portal.waiting.confirm.map((ticket) => ({ ticket, why: "confirm" as const })),
  ];
  return (
    <>
      <nav aria-label={t("actions")} className="grid gap-3 sm:grid-cols-2">
        <Link href="/signaler" className={`${ACTION} border-brand-700 bg-brand-700 text-white hover:bg-brand-800`}>
          {t("reportProblem")}
        </Link>
        <Link href="/catalogue" className={`${ACTION} border-brand-700 bg-white text-brand-800 hover:bg-brand-50`}>
          {t("makeRequest")}
        </Link>
      </nav>

      <HomeSection id="home-waiting" title={t("waitingTitle")} empty={waiting.length === 0 && t("nothingWaiting")}>
        <ul className="mt-2 space-y-2">
          {waiting.map(({ ticket, why }) => (
            <li key={ticket.reference} className="rounded-lg border border-amber-300 bg-amber-50 p-3 text-sm">
              <span className="font-semibold">{t(`waiting.${why}`)}</span>{" "}
              <Link className="font-mono text-brand-700 underline" href={`/demandes/${ticket.reference}`}>
                {ticket.reference}
              </Link>{" "}
              · {ticket.title}
            </li>
          ))}
        </ul>
      </HomeSection>

      <HomeSection
        id="home-mine"
        title={t("mineTitle")}
        more={{ href: "/demandes", label: t("allMine") }}
        empty={portal.mine.length === 0 && t("noneMine")}
      >
        <RequesterTicketTable tickets={portal.mine} />
      </HomeSection>

      <HomeSection
        id="home-incidents"
        title={t("incidentsTitle")}
        more={{ href: "/demandes?vue=etablissement", label: t("allSchool") }}
        empty={portal.incidents.length === 0 && t("noIncidents")}
      >
        <ul className="mt-2 divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white text-sm">
          {portal.incidents.map((ticket) => (
            <li key={ticket.reference} className="flex flex-wrap items-center gap-x-3 gap-y-1 p-3">
              <Link className="font-mono text-brand-700 underline" href={`/demandes/${ticket.reference}`}>
                {ticket.reference}
              </Link>
              <span className="min-w-0 flex-1">
                {ticket.title} <span className="text-slate-500">({ticket.establishment.name})</span>
              </span>
              <StatusBadge status={ticket.status} />
            </li>
          ))}
        </ul>
      </HomeSection>

      <HomeSection id="home-contacts" title={t("contactsTitle")}>
        <ul className="mt-2 grid gap-2 text-sm sm:grid-cols-2">
          {portal.contacts.teams.map((team) => (
            <li key={team.code} className="rounded-lg border border-slate-200 bg-white p-3">
              <span className="font-medium">{team.name}</span>
              <span className="block text-slate-600">{t("zoneTeam")}</span>
            </li>
          ))}
          {portal.contacts.staff.map((person) => (
            <li key={person.id} className="rounded-lg border border-slate-200 bg-white p-3">
              <span className="font-medium">{person.name}</span>
              <span className="block text-slate-600">{person.functionLabel ?? tRoles(person.role)}</span>
              <a className="block break-all text-brand-700 underline" href={`mailto:${person.email}`}>
                {person.email}
              </a>
              {person.phone && (
                <a className="block text-brand-700 underline" href={`tel:${person.phone.replace(/\s/g, "")}`}>
                  {person.phone}
                </a>
              )}
            </li>
          ))}
        </ul>
      </HomeSection>
    </>
  );
}
