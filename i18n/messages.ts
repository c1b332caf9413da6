/**
 * Message catalogues: one JSON file per namespace and locale (messages/<locale>/<namespace>.json),
 * so each feature keeps its strings in its own file. Imported statically, so the server translates
 * without waiting (problem+json details, refusals of services and schemas given as message keys).
 */
import fr_account from "../messages/fr/account.json";
import fr_announcements from "../messages/fr/announcements.json";
import fr_app from "../messages/fr/app.json";
import fr_approvals from "../messages/fr/approvals.json";
import fr_audit from "../messages/fr/audit.json";
import fr_campaigns from "../messages/fr/campaigns.json";
import fr_catalogue from "../messages/fr/catalogue.json";
import fr_cmdb from "../messages/fr/cmdb.json";
import fr_criticalPeriods from "../messages/fr/criticalPeriods.json";
import fr_deliveries from "../messages/fr/deliveries.json";
import fr_dashboards from "../messages/fr/dashboards.json";
import fr_desk from "../messages/fr/desk.json";
import fr_errors from "../messages/fr/errors.json";
import fr_establishments from "../messages/fr/establishments.json";
import fr_filing from "../messages/fr/filing.json";
import fr_forms from "../messages/fr/forms.json";
import fr_home from "../messages/fr/home.json";
import fr_interventions from "../messages/fr/interventions.json";
import fr_knowledge from "../messages/fr/knowledge.json";
import fr_limits from "../messages/fr/limits.json";
import fr_mail from "../messages/fr/mail.json";
import fr_nav from "../messages/fr/nav.json";
import fr_notifications from "../messages/fr/notifications.json";
import fr_outbox from "../messages/fr/outbox.json";
import fr_people from "../messages/fr/people.json";
import fr_planning from "../messages/fr/planning.json";
import fr_rating from "../messages/fr/rating.json";
import fr_registers from "../messages/fr/registers.json";
import fr_roles from "../messages/fr/roles.json";
import fr_routing from "../messages/fr/routing.json";
import fr_schools from "../messages/fr/schools.json";
import fr_shell from "../messages/fr/shell.json";
import fr_signIn from "../messages/fr/signIn.json";
import fr_sla from "../messages/fr/sla.json";
import fr_sso from "../messages/fr/sso.json";
import fr_tickets from "../messages/fr/tickets.json";
import fr_users from "../messages/fr/users.json";
import fr_vendorAccess from "../messages/fr/vendorAccess.json";
import fr_weeklyReport from "../messages/fr/weeklyReport.json";
import fr_words from "../messages/fr/words.json";
import en_account from "../messages/en/account.json";
import en_announcements from "../messages/en/announcements.json";
import en_app from "../messages/en/app.json";
import en_approvals from "../messages/en/approvals.json";
import en_audit from "../messages/en/audit.json";
import en_campaigns from "../messages/en/campaigns.json";
import en_catalogue from "../messages/en/catalogue.json";
import en_cmdb from "../messages/en/cmdb.json";
import en_criticalPeriods from "../messages/en/criticalPeriods.json";
import en_deliveries from "../messages/en/deliveries.json";
import en_dashboards from "../messages/en/dashboards.json";
import en_desk from "../messages/en/desk.json";
import en_errors from "../messages/en/errors.json";
import en_establishments from "../messages/en/establishments.json";
import en_filing from "../messages/en/filing.json";
import en_forms from "../messages/en/forms.json";
import en_home from "../messages/en/home.json";
import en_interventions from "../messages/en/interventions.json";
import en_knowledge from "../messages/en/knowledge.json";
import en_limits from "../messages/en/limits.json";
import en_mail from "../messages/en/mail.json";
import en_nav from "../messages/en/nav.json";
import en_notifications from "../messages/en/notifications.json";
import en_outbox from "../messages/en/outbox.json";
import en_people from "../messages/en/people.json";
import en_planning from "../messages/en/planning.json";
import en_rating from "../messages/en/rating.json";
import en_registers from "../messages/en/registers.json";
import en_roles from "../messages/en/roles.json";
import en_routing from "../messages/en/routing.json";
import en_schools from "../messages/en/schools.json";
import en_shell from "../messages/en/shell.json";
import en_signIn from "../messages/en/signIn.json";
import en_sla from "../messages/en/sla.json";
import en_sso from "../messages/en/sso.json";
import en_tickets from "../messages/en/tickets.json";
import en_users from "../messages/en/users.json";
import en_vendorAccess from "../messages/en/vendorAccess.json";
import en_weeklyReport from "../messages/en/weeklyReport.json";
import en_words from "../messages/en/words.json";

const FR = {
  account: fr_account,
  announcements: fr_announcements,
  app: fr_app,
  approvals: fr_approvals,
  audit: fr_audit,
  catalogue: fr_catalogue,
  cmdb: fr_cmdb,
  criticalPeriods: fr_criticalPeriods,
  deliveries: fr_deliveries,
  campaigns: fr_campaigns,
  dashboards: fr_dashboards,
  desk: fr_desk,
  errors: fr_errors,
  establishments: fr_establishments,
  filing: fr_filing,
  forms: fr_forms,
  home: fr_home,
  interventions: fr_interventions,
  knowledge: fr_knowledge,
  limits: fr_limits,
  mail: fr_mail,
  nav: fr_nav,
  notifications: fr_notifications,
  outbox: fr_outbox,
  people: fr_people,
  planning: fr_planning,
  rating: fr_rating,
  registers: fr_registers,
  roles: fr_roles,
  routing: fr_routing,
  schools: fr_schools,
  shell: fr_shell,
  signIn: fr_signIn,
  sla: fr_sla,
  sso: fr_sso,
  tickets: fr_tickets,
  users: fr_users,
  vendorAccess: fr_vendorAccess,
  weeklyReport: fr_weeklyReport,
  words: fr_words,
};
const EN = {
  account: en_account,
  announcements: en_announcements,
  app: en_app,
  approvals: en_approvals,
  audit: en_audit,
  catalogue: en_catalogue,
  cmdb: en_cmdb,
  criticalPeriods: en_criticalPeriods,
  deliveries: en_deliveries,
  campaigns: en_campaigns,
  dashboards: en_dashboards,
  desk: en_desk,
  errors: en_errors,
  establishments: en_establishments,
  filing: en_filing,
  forms: en_forms,
  home: en_home,
  interventions: en_interventions,
  knowledge: en_knowledge,
  limits: en_limits,
  mail: en_mail,
  nav: en_nav,
  notifications: en_notifications,
  outbox: en_outbox,
  people: en_people,
  planning: en_planning,
  rating: en_rating,
  registers: en_registers,
  roles: en_roles,
  routing: en_routing,
  schools: en_schools,
  shell: en_shell,
  signIn: en_signIn,
  sla: en_sla,
  sso: en_sso,
  tickets: en_tickets,
  users: en_users,
  vendorAccess: en_vendorAccess,
  weeklyReport: en_weeklyReport,
  words: en_words,
};

export type Messages = typeof FR;
export const CATALOGUES: Record<"fr" | "en", Record<string, unknown>> = { fr: FR, en: EN };
export const NAMESPACES = Object.keys(FR) as (keyof Messages)[];

export async function loadMessages(locale: "fr" | "en"): Promise<Record<string, unknown>> {
  return CATALOGUES[locale];
}
