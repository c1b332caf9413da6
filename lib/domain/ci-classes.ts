import { z } from "zod";
import frenchCmdb from "@/messages/fr/cmdb.json";
import type { CiClass, CiCriticality, CiStatus, Funding } from "./vocabulary";

/**
 * What each class of configuration item holds beyond the common fields (seeds 003 §7.4.1 and 004):
 * the OS, CPU, RAM and disks of a computer, the ports and management address of a network device,
 * the version and licence count of a software, the height of a rack. One table, read by the forms,
 * the API, the CSV import and export.
 */
export const COMPUTER_CLASSES = ["pc", "laptop", "tablet", "server", "virtual_machine"] as const satisfies readonly CiClass[];
export const NETWORK_CLASSES = ["network_switch", "wifi_access_point", "router", "firewall"] as const satisfies readonly CiClass[];

/** A day, as ISO 8601 (`2016-06-23`); the import also reads French `23/06/2016` (see `parseCiDate`). */
export const isoDay = z.iso.date({ error: "cmdb.attributeErrors.date" });

const text = (max: number) => z.string().trim().min(1).max(max);
const count = (max: number) =>
  z
    .number({ error: "cmdb.attributeErrors.integer" })
    .int("cmdb.attributeErrors.integer")
    .min(0, "cmdb.attributeErrors.positive")
    .max(max, "cmdb.attributeErrors.atMost");

const computer = z.strictObject({
  os_family: text(60).optional(),
  os_version: text(60).optional(),
  os_install_date: isoDay.optional(),
  cpu: text(120).optional(),
  ram_mb: count(16_777_216).optional(),
  disk_gb: count(1_000_000_000).optional(),
});
const network = z.strictObject({
  ports: count(1024).optional(),
  management_ip: z.union([z.ipv4(), z.ipv6()], { error: "cmdb.attributeErrors.ip" }).optional(),
});
const software = z.strictObject({ version: text(60).optional(), licence_count: count(1_000_000).optional() });
const rack = z.strictObject({ units: count(60).optional() });
const none = z.strictObject({});

/** Attribute schema per class: an attribute another class holds is refused ("champ non valable pour la classe"). */
export const CI_ATTRIBUTE_SCHEMAS: Record<CiClass, z.ZodObject> = {
  pc: computer,
  laptop: computer,
  tablet: computer,
  server: computer,
  virtual_machine: computer,
  network_switch: network,
  wifi_access_point: network,
  router: network,
  firewall: network,
  software,
  rack,
  nas: none,
  ups: none,
  printer: none,
  video_projector: none,
  ip_phone: none,
};

export type CiAttributeKind = "text" | "date" | "integer" | "ip";

/** Every class-specific attribute, in display order, with the kind of value it takes. */
export const CI_ATTRIBUTES: Record<string, CiAttributeKind> = {
  os_family: "text",
  os_version: "text",
  os_install_date: "date",
  cpu: "text",
  ram_mb: "integer",
  disk_gb: "integer",
  ports: "integer",
  management_ip: "ip",
  version: "text",
  licence_count: "integer",
  units: "integer",
};

/** The attribute keys a class takes, in display order. */
export function attributeKeysFor(ciClass: CiClass): string[] {
  return Object.keys(CI_ATTRIBUTE_SCHEMAS[ciClass].shape);
}

/** Validates a class's attributes; errors name the attribute (`attributes.ram_mb`) and are message keys (cmdb.attributeErrors.*). */
export function parseCiAttributes(ciClass: CiClass, attributes: Record<string, unknown>) {
  return CI_ATTRIBUTE_SCHEMAS[ciClass].safeParse(attributes);
}

/**
 * The French names of the catalogue (messages/fr/cmdb.json), as iTop or GLPI exports write them: the CSV
 * import recognises a class, status, criticality or funding by its code or by these names.
 */
export const CI_CLASS_LABELS: Record<CiClass, string> = frenchCmdb.classes;
export const CI_STATUS_LABELS: Record<CiStatus, string> = frenchCmdb.statuses;
export const CI_CRITICALITY_LABELS: Record<CiCriticality, string> = frenchCmdb.criticalities;
export const FUNDING_LABELS: Record<Funding, string> = frenchCmdb.fundings;

/** Folds case, accents and separators: "Obsolète" → "obsolete", "Borne Wi-Fi" → "bornewifi". */
export function foldLabel(value: string): string {
  return value
    .normalize("NFD")
    .replace(/\p{Diacritic}/gu, "")
    .toLowerCase()
    .replace(/[^a-z0-9]/g, "");
}

/** A vocabulary value from an export: its code, or its French name as iTop or GLPI writes it ("obsolète", "basse"). */
export function vocabularyValue<Code extends string>(
  labels: Record<Code, string>,
  raw: string,
  aliases: Record<string, Code> = {},
): Code | null {
  const folded = foldLabel(raw);
  for (const [code, label] of Object.entries(labels) as Array<[Code, string]>) {
    if (foldLabel(code) === folded || foldLabel(label) === folded) return code;
  }
  return aliases[folded] ?? null;
}

/** Other names inventory tools give classes and statuses. */
export const CI_CLASS_ALIASES: Record<string, CiClass> = {
  ordinateur: "pc",
  poste: "pc",
  postedetravail: "pc",
  desktop: "pc",
  ordinateurportable: "laptop",
  notebook: "laptop",
  vm: "virtual_machine",
  switch: "network_switch",
  equipementreseau: "network_switch",
  commutateurreseau: "network_switch",
  wifi: "wifi_access_point",
  pointdacceswifi: "wifi_access_point",
  bornewifi: "wifi_access_point",
  accesspoint: "wifi_access_point",
  baiedebrassage: "rack",
  videoprojecteur: "video_projector",
  projecteur: "video_projector",
  telephone: "ip_phone",
  telephoneip: "ip_phone",
  logiciel: "software",
};
export const CI_STATUS_ALIASES: Record<string, CiStatus> = {
  enproduction: "production",
  enstock: "stock",
  reparation: "repair",
  enpanne: "repair",
  horsservice: "obsolete",
  rebut: "disposed",
  reforme: "disposed",
};
export const CI_CRITICALITY_ALIASES: Record<string, CiCriticality> = {
  faible: "low",
  bas: "low",
  moyen: "medium",
  haut: "high",
  elevee: "high",
  critique: "high",
};
export const FUNDING_ALIASES: Record<string, Funding> = {
  fondspropres: "own_funds",
  etablissement: "own_funds",
  lycee: "own_funds",
  own: "own_funds",
  conseilregional: "region",
};

/**
 * A date as exports write it: ISO `2016-06-23` (a time after it is ignored) or French `23/06/2016`.
 * Returns the ISO day, or null when it is not a real calendar day.
 */
export function parseCiDate(raw: string): string | null {
  const value = raw.trim();
  const iso = /^(\d{4})-(\d{2})-(\d{2})(?:[ T].*)?$/.exec(value);
  const french = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(value);
  const [year, month, day] = iso ? [iso[1], iso[2], iso[3]] : french ? [french[3], french[2], french[1]] : [];
  if (!year || !month || !day) return null;
  const y = Number(year),
    m = Number(month),
    d = Number(day);
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  return `${year}-${month.padStart(2, "0")}-${day.padStart(2, "0")}`;
}
