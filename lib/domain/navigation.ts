import { can, type Permission } from "./permissions";
import type { Caller } from "./caller";

export type NavigationKey =
  | "home"
  | "desk"
  | "planning"
  | "catalogue"
  | "serviceStatus"
  | "help"
  | "whoDoesWhat"
  | "file"
  | "myTickets"
  | "myEstablishments"
  | "establishments"
  | "inventory"
  | "dashboards"
  | "users"
  | "routing"
  | "slaSummary"
  | "calendars"
  | "journal"
  | "organisation"
  | "onboarding"
  | "mail"
  | "criticalPeriods"
  | "campaigns"
  | "deliveries"
  | "account";
export type NavigationItem = { key: NavigationKey; href: string };

/** The app shell's menu: each entry shows for the callers holding its permission. */
const ENTRIES: Array<NavigationItem & { permission?: Permission }> = [
  { key: "home", href: "/" },
  { key: "desk", href: "/bureau", permission: "desk.use" },
  { key: "planning", href: "/bureau/planning", permission: "planning.use" },
  { key: "slaSummary", href: "/engagements", permission: "sla.summary" },
  { key: "file", href: "/signaler", permission: "portal.use" },
  { key: "myTickets", href: "/demandes", permission: "portal.use" },
  { key: "catalogue", href: "/catalogue" },
  /** Known incidents and planned works (issue 16), for everyone signed in. */
  { key: "serviceStatus", href: "/etat-des-services" },
  { key: "help", href: "/aide" },
  { key: "whoDoesWhat", href: "/qui-fait-quoi" },
  { key: "myEstablishments", href: "/mon-etablissement", permission: "establishments.read_own" },
  { key: "establishments", href: "/etablissements", permission: "establishments.read_all" },
  { key: "inventory", href: "/inventaire", permission: "cmdb.read" },
  /** Equipment deliveries and their check (issue 17), for the Région's staff; a school reaches its own from Mon établissement. */
  { key: "deliveries", href: "/livraisons", permission: "establishments.read_all" },
  { key: "dashboards", href: "/tableaux-de-bord", permission: "dashboards.establishment" },
  { key: "users", href: "/admin/utilisateurs", permission: "users.manage" },
  { key: "routing", href: "/admin/routage", permission: "routing.manage" },
  { key: "calendars", href: "/admin/calendriers", permission: "sla.manage" },
  { key: "journal", href: "/admin/journal", permission: "audit.read" },
  { key: "organisation", href: "/admin/etablissements", permission: "organisation.manage" },
  { key: "onboarding", href: "/integration", permission: "onboarding.overview" },
  /** The yearly equipment campaign's analysis and progress (issue 17); schools reach their questionnaire from the home page. */
  { key: "campaigns", href: "/campagnes", permission: "campaigns.analyse" },
  { key: "mail", href: "/admin/courriels", permission: "outbox.manage" },
  { key: "criticalPeriods", href: "/admin/periodes-critiques", permission: "criticalPeriods.manage" },
  { key: "account", href: "/mon-compte" },
];

export function navigationFor(caller: Pick<Caller, "role">): NavigationItem[] {
  return ENTRIES.filter((entry) => !entry.permission || can(caller, entry.permission)).map(({ key, href }) => ({ key, href }));
}
