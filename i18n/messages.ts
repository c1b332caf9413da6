/**
 * Message catalogues: one JSON file per namespace and locale (messages/<locale>/<namespace>.json),
 * so each feature keeps its strings in its own file. Imported statically, so the server translates
 * without waiting (problem+json details, refusals of services and schemas given as message keys).
 */
import fr_app from "../messages/fr/app.json";
import fr_roles from "../messages/fr/roles.json";
import fr_nav from "../messages/fr/nav.json";
import fr_signIn from "../messages/fr/signIn.json";
import fr_home from "../messages/fr/home.json";
import fr_establishments from "../messages/fr/establishments.json";
import fr_users from "../messages/fr/users.json";
import fr_errors from "../messages/fr/errors.json";
import fr_catalogue from "../messages/fr/catalogue.json";
import fr_filing from "../messages/fr/filing.json";
import fr_tickets from "../messages/fr/tickets.json";
import fr_rating from "../messages/fr/rating.json";
import fr_routing from "../messages/fr/routing.json";
import fr_desk from "../messages/fr/desk.json";
import fr_sla from "../messages/fr/sla.json";
import fr_dashboards from "../messages/fr/dashboards.json";
import fr_cmdb from "../messages/fr/cmdb.json";
import fr_account from "../messages/fr/account.json";
import fr_vendorAccess from "../messages/fr/vendorAccess.json";
import fr_audit from "../messages/fr/audit.json";
import fr_shell from "../messages/fr/shell.json";
import fr_sso from "../messages/fr/sso.json";
import fr_schools from "../messages/fr/schools.json";
import fr_limits from "../messages/fr/limits.json";
import fr_words from "../messages/fr/words.json";
import fr_forms from "../messages/fr/forms.json";
import fr_people from "../messages/fr/people.json";
import fr_outbox from "../messages/fr/outbox.json";
import fr_criticalPeriods from "../messages/fr/criticalPeriods.json";
import fr_weeklyReport from "../messages/fr/weeklyReport.json";
import en_app from "../messages/en/app.json";
import en_roles from "../messages/en/roles.json";
import en_nav from "../messages/en/nav.json";
import en_signIn from "../messages/en/signIn.json";
import en_home from "../messages/en/home.json";
import en_establishments from "../messages/en/establishments.json";
import en_users from "../messages/en/users.json";
import en_errors from "../messages/en/errors.json";
import en_catalogue from "../messages/en/catalogue.json";
import en_filing from "../messages/en/filing.json";
import en_tickets from "../messages/en/tickets.json";
import en_rating from "../messages/en/rating.json";
import en_routing from "../messages/en/routing.json";
import en_desk from "../messages/en/desk.json";
import en_sla from "../messages/en/sla.json";
import en_dashboards from "../messages/en/dashboards.json";
import en_cmdb from "../messages/en/cmdb.json";
import en_account from "../messages/en/account.json";
import en_vendorAccess from "../messages/en/vendorAccess.json";
import en_audit from "../messages/en/audit.json";
import en_shell from "../messages/en/shell.json";
import en_sso from "../messages/en/sso.json";
import en_schools from "../messages/en/schools.json";
import en_limits from "../messages/en/limits.json";
import en_words from "../messages/en/words.json";
import en_forms from "../messages/en/forms.json";
import en_people from "../messages/en/people.json";
import en_outbox from "../messages/en/outbox.json";
import en_criticalPeriods from "../messages/en/criticalPeriods.json";
import en_weeklyReport from "../messages/en/weeklyReport.json";

const FR = { app: fr_app, roles: fr_roles, nav: fr_nav, signIn: fr_signIn, home: fr_home, establishments: fr_establishments, users: fr_users, errors: fr_errors, catalogue: fr_catalogue, filing: fr_filing, tickets: fr_tickets, rating: fr_rating, routing: fr_routing, desk: fr_desk, sla: fr_sla, dashboards: fr_dashboards, cmdb: fr_cmdb, account: fr_account, vendorAccess: fr_vendorAccess, audit: fr_audit, shell: fr_shell, sso: fr_sso, schools: fr_schools, limits: fr_limits, words: fr_words, forms: fr_forms, people: fr_people, outbox: fr_outbox, criticalPeriods: fr_criticalPeriods, weeklyReport: fr_weeklyReport };
const EN = { app: en_app, roles: en_roles, nav: en_nav, signIn: en_signIn, home: en_home, establishments: en_establishments, users: en_users, errors: en_errors, catalogue: en_catalogue, filing: en_filing, tickets: en_tickets, rating: en_rating, routing: en_routing, desk: en_desk, sla: en_sla, dashboards: en_dashboards, cmdb: en_cmdb, account: en_account, vendorAccess: en_vendorAccess, audit: en_audit, shell: en_shell, sso: en_sso, schools: en_schools, limits: en_limits, words: en_words, forms: en_forms, people: en_people, outbox: en_outbox, criticalPeriods: en_criticalPeriods, weeklyReport: en_weeklyReport };

export type Messages = typeof FR;
export const CATALOGUES: Record<"fr" | "en", Record<string, unknown>> = { fr: FR, en: EN };
export const NAMESPACES = Object.keys(FR) as (keyof Messages)[];

export async function loadMessages(locale: "fr" | "en"): Promise<Record<string, unknown>> {
  return CATALOGUES[locale];
}
