import { ZodError } from "zod";
import type { Translate } from "@/i18n/text";
import { fieldErrors } from "@/lib/schemas/field-errors";
import {
  CI_ATTRIBUTES,
  CI_CLASS_ALIASES,
  CI_CLASS_LABELS,
  CI_CRITICALITY_ALIASES,
  CI_CRITICALITY_LABELS,
  CI_STATUS_ALIASES,
  CI_STATUS_LABELS,
  FUNDING_ALIASES,
  FUNDING_LABELS,
  foldLabel,
  parseCiAttributes,
  parseCiDate,
  vocabularyValue,
} from "./ci-classes";
import { ciChanges, creationChanges, type CiFields, type FieldChange } from "./ci-fields";
import { cycleFrom, parentRule } from "./ci-relations";
import { columnReader, importCounts, type ImportAction, type ImportCounts, type ImportRecord } from "./csv-import";
import { normalizeUai, uaiProblem } from "./uai";

/**
 * The import of an inventory export (columns of sample-inventory.csv), decided row by row before
 * anything is written: each row creates an item, updates the one it matches (serial number, else asset
 * number, else name, within the row's school), changes nothing, or is rejected with its reasons.
 * Pure: the service hands it the file's rows and what the database holds, then writes the plan.
 */

export const REQUIRED_COLUMNS = ["name", "class", "establishment_uai"] as const;

const COMMON_COLUMNS = [
  "name",
  "class",
  "establishment_uai",
  "status",
  "criticality",
  "building",
  "room",
  "brand",
  "model",
  "serial_number",
  "asset_number",
  "region_number",
  "purchase_date",
  "delivery_date",
  "warranty_end",
  "funding",
  "maintainer",
  "parent",
  "notes",
] as const;

/** Every column the import reads, in the export's order: the common ones, then the class-specific ones. */
export const IMPORT_COLUMNS: readonly string[] = [...COMMON_COLUMNS, ...Object.keys(CI_ATTRIBUTES)];

/** Headers other tools write (French ones, iTop's), folded, → our column. */
const HEADER_ALIASES: Record<string, string> = {
  nom: "name",
  classe: "class",
  type: "class",
  uai: "establishment_uai",
  etablissement: "establishment_uai",
  organisation: "establishment_uai",
  statut: "status",
  criticite: "criticality",
  batiment: "building",
  salle: "room",
  marque: "brand",
  fabricant: "brand",
  modele: "model",
  numerodeserie: "serial_number",
  numeroserie: "serial_number",
  serial: "serial_number",
  numeroasset: "asset_number",
  numerodinventaire: "asset_number",
  numeroderegion: "region_number",
  datedachat: "purchase_date",
  datedelivraison: "delivery_date",
  findegarantie: "warranty_end",
  financement: "funding",
  mainteneur: "maintainer",
  prestataire: "maintainer",
  equipementmaitre: "parent",
  lienmontant: "parent",
  commentaire: "notes",
};

/** A header as the import understands it: our column name, or null for a column it ignores. */
export const importColumn = columnReader(IMPORT_COLUMNS, HEADER_ALIASES);

export type { ImportRecord };

export type ExistingCi = CiFields & { id: string };
export type ImportSchool = { id: string; uai: string; writable: boolean };

export type ImportContext = {
  schools: ReadonlyMap<string, ImportSchool>;
  /** The items of the schools the file names. */
  existing: readonly ExistingCi[];
  /** Items elsewhere holding a serial number the file names (upper-cased serial → where). */
  serialsElsewhere: ReadonlyMap<string, { establishmentId: string; uai: string; name: string }>;
  /** Vendors by folded name. */
  vendors: ReadonlyMap<string, string>;
};

/** Where a row's parent is: an item already stored, or one the file itself creates (by line). */
export type ParentRef = { kind: "existing"; id: string } | { kind: "line"; line: number } | null;

export type PlannedRow = {
  line: number;
  uai: string;
  name: string;
  action: ImportAction;
  reasons: string[];
  /** The item the row matched (update, unchanged). */
  ciId?: string;
  /** Everything to store (create) or the fields that change (update), parent excepted. */
  fields?: CiFields;
  changes?: FieldChange[];
  /** Set when the row names a parent that differs from the stored one. */
  parent?: ParentRef;
};

export type ImportPlan = ImportCounts & { rows: PlannedRow[] };

const upper = (value: string | null) => (value ? value.toUpperCase() : null);

type Parsed = {
  uai: string;
  name: string;
  school?: ImportSchool;
  fields: Partial<CiFields>;
  parentName: string | null;
  serial: string | null;
  reasons: string[];
};

function parseRecord(record: ImportRecord, context: ImportContext, t: Translate): Parsed {
  const reasons: string[] = [];
  const cell = (column: string) => {
    const value = record.values[column]?.trim();
    return value ? value : null;
  };
  const fields: Partial<CiFields> = {};
  const name = cell("name") ?? "";
  if (!name) reasons.push(t("nameMissing"));
  else if (name.length > 120) reasons.push(t("nameTooLong"));
  else fields.name = name;

  const rawUai = cell("establishment_uai") ?? "";
  const uai = normalizeUai(rawUai);
  const school = context.schools.get(uai);
  if (!rawUai) reasons.push(t("uaiMissing"));
  else if (uaiProblem(uai)) reasons.push(t("uaiInvalid", { uai: rawUai }));
  else if (!school) reasons.push(t("uaiUnknown", { uai }));
  else if (!school.writable) reasons.push(t("uaiNotWritable", { uai }));
  else fields.establishmentId = school.id;

  const rawClass = cell("class");
  if (!rawClass) reasons.push(t("classMissing"));
  else {
    const ciClass = vocabularyValue(CI_CLASS_LABELS, rawClass, CI_CLASS_ALIASES);
    if (ciClass) fields.class = ciClass;
    else reasons.push(t("classUnknown", { value: rawClass }));
  }

  const vocab = <Code extends string>(column: string, labels: Record<Code, string>, aliases: Record<string, Code>) => {
    const raw = cell(column);
    if (raw === null) return undefined;
    const value = vocabularyValue(labels, raw, aliases);
    if (value === null) reasons.push(t("valueUnknown", { column, value: raw }));
    return value ?? undefined;
  };
  const status = vocab("status", CI_STATUS_LABELS, CI_STATUS_ALIASES);
  if (status) fields.status = status;
  const criticality = vocab("criticality", CI_CRITICALITY_LABELS, CI_CRITICALITY_ALIASES);
  if (criticality) fields.criticality = criticality;
  const funding = vocab("funding", FUNDING_LABELS, FUNDING_ALIASES);
  if (funding) fields.funding = funding;

  const texts = {
    building: "building",
    room: "room",
    brand: "brand",
    model: "model",
    serialNumber: "serial_number",
    assetNumber: "asset_number",
    regionNumber: "region_number",
    notes: "notes",
  } as const;
  for (const [field, column] of Object.entries(texts) as Array<[keyof typeof texts, string]>) {
    const value = cell(column);
    if (value === null) continue;
    if (value.length > (field === "notes" ? 2000 : 200)) reasons.push(t("columnTooLong", { column }));
    // Serial numbers are printed in capitals; stored so, "czc3380pfs" and "CZC3380PFS" are one machine.
    else fields[field] = field === "serialNumber" ? value.toUpperCase() : value;
  }
  const dates = { purchaseDate: "purchase_date", deliveryDate: "delivery_date", warrantyEndOverride: "warranty_end" } as const;
  for (const [field, column] of Object.entries(dates) as Array<[keyof typeof dates, string]>) {
    const raw = cell(column);
    if (raw === null) continue;
    const day = parseCiDate(raw);
    if (day) fields[field] = day;
    else reasons.push(t("dateInvalid", { column, value: raw }));
  }
  const maintainer = cell("maintainer");
  if (maintainer !== null) {
    const vendorId = context.vendors.get(foldLabel(maintainer));
    if (vendorId) fields.maintainerId = vendorId;
    else reasons.push(t("vendorUnknown", { value: maintainer }));
  }

  const attributes: Record<string, unknown> = {};
  for (const [key, kind] of Object.entries(CI_ATTRIBUTES)) {
    const raw = cell(key);
    if (raw === null) continue;
    if (kind === "integer") {
      const digits = raw.replace(/[\s\u00a0\u202f]/g, "");
      attributes[key] = /^\d+$/.test(digits) ? Number(digits) : raw;
    } else if (kind === "date") {
      attributes[key] = parseCiDate(raw) ?? raw;
    } else attributes[key] = raw;
  }
  if (Object.keys(attributes).length) fields.attributes = attributes;

  const serial = upper(fields.serialNumber ?? null);
  return { uai, name, school, fields, parentName: cell("parent"), serial, reasons };
}

/** Which attributes the class refuses or finds invalid, in the words of `t`. */
function attributeReasons(fields: CiFields, t: Translate): string[] {
  const parsed = parseCiAttributes(fields.class, fields.attributes);
  if (parsed.success) return [];
  const ciClass = t(`cmdb.classes.${fields.class}`);
  return parsed.error.issues.map((issue) => {
    if (issue.code === "unrecognized_keys") return issue.keys.map((key) => t("fieldNotForClass", { field: key, class: ciClass })).join(" ");
    const [error] = fieldErrors(new ZodError([issue]));
    return t("attribute", { attribute: String(issue.path[0]), problem: t(error!.message, error!.values) });
  });
}

const DEFAULTS = {
  building: null,
  room: null,
  status: "production",
  criticality: "low",
  brand: null,
  model: null,
  serialNumber: null,
  assetNumber: null,
  regionNumber: null,
  purchaseDate: null,
  deliveryDate: null,
  warrantyEndOverride: null,
  funding: "region",
  maintainerId: null,
  parentId: null,
  notes: null,
  attributes: {},
} as const;

/** A school's stored items by serial and asset number (upper-cased), name (lower-cased) and id: one lookup per row, whatever the size. */
type SchoolIndex = {
  bySerial: Map<string, ExistingCi>;
  byAsset: Map<string, ExistingCi>;
  byName: Map<string, ExistingCi>;
  byId: Map<string, ExistingCi>;
};
const EMPTY_SCHOOL: SchoolIndex = { bySerial: new Map(), byAsset: new Map(), byName: new Map(), byId: new Map() };

function indexBySchool(items: readonly ExistingCi[]): Map<string, SchoolIndex> {
  const schools = new Map<string, SchoolIndex>();
  for (const ci of items) {
    let school = schools.get(ci.establishmentId);
    if (!school)
      schools.set(ci.establishmentId, (school = { bySerial: new Map(), byAsset: new Map(), byName: new Map(), byId: new Map() }));
    if (ci.serialNumber && !school.bySerial.has(ci.serialNumber.toUpperCase())) school.bySerial.set(ci.serialNumber.toUpperCase(), ci);
    if (ci.assetNumber && !school.byAsset.has(ci.assetNumber.toUpperCase())) school.byAsset.set(ci.assetNumber.toUpperCase(), ci);
    school.byName.set(ci.name.toLowerCase(), ci);
    school.byId.set(ci.id, ci);
  }
  return schools;
}

/** The import of `records`; the refused rows' reasons are worded by `words` (messages cmdb.importReasons.*). */
export function planImport(records: readonly ImportRecord[], context: ImportContext, words: Translate): ImportPlan {
  const t: Translate = (key, values) => words(key.includes(".") ? key : `cmdb.importReasons.${key}`, values);
  const parsed = records.map((record) => ({ record, ...parseRecord(record, context, t) }));

  // Duplicates within the file: every row sharing a serial number, or a name within a school, is refused.
  const bySerial = new Map<string, number[]>();
  const byName = new Map<string, number[]>();
  for (const row of parsed) {
    if (row.serial) bySerial.set(row.serial, [...(bySerial.get(row.serial) ?? []), row.record.line]);
    if (row.name && row.uai)
      byName.set(`${row.uai}|${row.name.toLowerCase()}`, [...(byName.get(`${row.uai}|${row.name.toLowerCase()}`) ?? []), row.record.line]);
  }
  for (const row of parsed) {
    const serialLines = row.serial ? bySerial.get(row.serial)! : [];
    if (serialLines.length > 1) row.reasons.push(t("serialTwice", { serial: row.fields.serialNumber!, lines: serialLines.join(", ") }));
    const nameLines = byName.get(`${row.uai}|${row.name.toLowerCase()}`) ?? [];
    if (nameLines.length > 1) row.reasons.push(t("nameTwice", { name: row.name, uai: row.uai, lines: nameLines.join(", ") }));
  }

  const bySchool = indexBySchool(context.existing);

  const planned: Array<PlannedRow & { parentName: string | null; establishmentId?: string }> = parsed.map((row) => {
    const base = { line: row.record.line, uai: row.uai, name: row.name, parentName: row.parentName, establishmentId: row.school?.id };
    if (row.reasons.length) return { ...base, action: "reject" as const, reasons: row.reasons };
    const school = bySchool.get(row.school!.id) ?? EMPTY_SCHOOL;
    const serial = row.serial;
    const asset = upper(row.fields.assetNumber ?? null);
    const match =
      (serial && school.bySerial.get(serial)) || (asset && school.byAsset.get(asset)) || school.byName.get(row.name.toLowerCase());
    const reasons: string[] = [];
    const elsewhere = serial ? context.serialsElsewhere.get(serial) : undefined;
    if (elsewhere && elsewhere.establishmentId !== row.school!.id) {
      reasons.push(t("serialElsewhere", { serial: row.fields.serialNumber!, uai: elsewhere.uai, name: elsewhere.name }));
    }
    if (match) {
      const next = { ...row.fields, attributes: { ...match.attributes, ...row.fields.attributes } };
      const merged: CiFields = { ...match, ...next };
      if (row.fields.class && row.fields.class !== match.class) {
        reasons.push(t("classChanged", { name: match.name, class: t(`cmdb.classes.${match.class}`) }));
      }
      const renamedOnto = school.byName.get(row.name.toLowerCase());
      if (renamedOnto && renamedOnto.id !== match.id) reasons.push(t("nameTaken", { name: row.name }));
      reasons.push(...attributeReasons(merged, t));
      if (reasons.length) return { ...base, action: "reject" as const, reasons };
      const changes = ciChanges(match, next);
      return {
        ...base,
        action: changes.length ? ("update" as const) : ("unchanged" as const),
        reasons: [],
        ciId: match.id,
        fields: merged,
        changes,
      };
    }
    const fields: CiFields = { ...DEFAULTS, ...row.fields, attributes: row.fields.attributes ?? {} } as CiFields;
    reasons.push(...attributeReasons(fields, t));
    if (reasons.length) return { ...base, action: "reject" as const, reasons };
    return { ...base, action: "create" as const, reasons: [], fields, changes: creationChanges(fields) };
  });

  // Two rows landing on the same stored item (one by serial, one by name…) are both refused.
  const byTarget = new Map<string, number[]>();
  for (const row of planned) if (row.ciId && row.action !== "reject") byTarget.set(row.ciId, [...(byTarget.get(row.ciId) ?? []), row.line]);
  for (const row of planned) {
    const lines = row.ciId ? (byTarget.get(row.ciId) ?? []) : [];
    if (row.action !== "reject" && lines.length > 1) reject(row, t("sameItem", { lines: lines.join(", ") }));
  }

  resolveParents(planned, bySchool, t);

  const rows = planned.map(({ parentName: _parent, establishmentId: _school, ...row }) => row);
  return { rows, ...importCounts(rows) };
}

function reject(row: PlannedRow, reason: string) {
  row.action = "reject";
  row.reasons.push(reason);
  delete row.fields;
  delete row.changes;
  delete row.parent;
}

/**
 * Parents by name within the school: a stored item or a row of the file. A parent the file refuses
 * takes its children down with it, a parent of the wrong class or a loop refuses the row, until nothing moves.
 */
function resolveParents(
  planned: Array<PlannedRow & { parentName: string | null; establishmentId?: string }>,
  bySchool: Map<string, SchoolIndex>,
  t: Translate,
) {
  const inFile = new Map(planned.map((row) => [`${row.establishmentId}|${row.name.toLowerCase()}`, row]));
  const fileRow = (establishmentId: string, name: string) => inFile.get(`${establishmentId}|${name.toLowerCase()}`);
  let moved = true;
  while (moved) {
    moved = false;
    for (const row of planned) {
      if (row.action === "reject" || !row.parentName || !row.fields) continue;
      const school = row.establishmentId!;
      const fromFile = fileRow(school, row.parentName);
      const stored = bySchool.get(school)?.byName.get(row.parentName.toLowerCase());
      if (fromFile?.action === "reject") {
        reject(row, t("parentRefused", { parent: row.parentName, line: fromFile.line }));
        moved = true;
        continue;
      }
      const parentClass = fromFile?.fields?.class ?? stored?.class;
      if (!parentClass) {
        reject(row, t("parentUnknown", { parent: row.parentName }));
        moved = true;
        continue;
      }
      const rule = parentRule(row.fields.class);
      if (!rule || !rule.classes.includes(parentClass)) {
        reject(
          row,
          rule
            ? t("parentClass", {
                parent: row.parentName,
                parentClass: t(`cmdb.classes.${parentClass}`),
                kind: rule.kind,
                class: t(`cmdb.classes.${row.fields.class}`),
              })
            : t("softwareParent"),
        );
        moved = true;
        continue;
      }
      const ref: ParentRef = fromFile?.ciId
        ? { kind: "existing", id: fromFile.ciId }
        : fromFile
          ? { kind: "line", line: fromFile.line }
          : { kind: "existing", id: stored!.id };
      if (row.action === "create" || ref.kind === "line" || ref.id !== row.fields.parentId) {
        if (row.action === "unchanged") row.action = "update";
        row.parent = ref;
        const parentName = fromFile?.name ?? stored!.name;
        // By name, as the history shows it (a parent the file creates has no id yet).
        row.changes = [
          ...(row.changes ?? []).filter((change) => change.field !== "parent"),
          { field: "parent", from: row.fields.parentId ? nameOf(bySchool, school, row.fields.parentId) : null, to: parentName },
        ];
      }
    }
    // Loops, over the stored links with the file's laid over them: every row on one is refused.
    const key = (row: PlannedRow) => row.ciId ?? `line:${row.line}`;
    const overlay = new Map<string, string | null>();
    for (const indexed of bySchool.values()) for (const ci of indexed.byId.values()) overlay.set(ci.id, ci.parentId);
    for (const row of planned) {
      if (row.action === "reject" || !row.parent) continue;
      overlay.set(key(row), row.parent.kind === "existing" ? row.parent.id : `line:${row.parent.line}`);
    }
    for (const row of planned) {
      if (row.action === "reject" || !row.parent) continue;
      if (cycleFrom(key(row), (id) => overlay.get(id))) {
        reject(row, t("loop", { parent: row.parentName! }));
        moved = true;
      }
    }
  }
}

function nameOf(bySchool: Map<string, SchoolIndex>, school: string, id: string): string {
  return bySchool.get(school)?.byId.get(id)?.name ?? id;
}
