import type { CiClass, CiCriticality, CiStatus, Funding } from "./vocabulary";

/** The stored fields of a configuration item, as services write them and history compares them. */
export type CiFields = {
  name: string;
  class: CiClass;
  establishmentId: string;
  building: string | null;
  room: string | null;
  status: CiStatus;
  criticality: CiCriticality;
  brand: string | null;
  model: string | null;
  serialNumber: string | null;
  assetNumber: string | null;
  regionNumber: string | null;
  purchaseDate: string | null;
  deliveryDate: string | null;
  warrantyEndOverride: string | null;
  funding: Funding;
  maintainerId: string | null;
  parentId: string | null;
  notes: string | null;
  attributes: Record<string, unknown>;
};

export type FieldChange = { field: string; from: unknown; to: unknown };

const COMPARED: Array<Exclude<keyof CiFields, "attributes">> = [
  "name",
  "class",
  "establishmentId",
  "building",
  "room",
  "status",
  "criticality",
  "brand",
  "model",
  "serialNumber",
  "assetNumber",
  "regionNumber",
  "purchaseDate",
  "deliveryDate",
  "warrantyEndOverride",
  "funding",
  "maintainerId",
  "parentId",
  "notes",
];

const same = (a: unknown, b: unknown) => (a ?? null) === (b ?? null);

/**
 * What a write changes, field by field (attributes one by one as `attributes.<key>`): the lines of the
 * item's history. Only the fields present in `next` are compared, so a patch reports what it touched.
 */
export function ciChanges(before: CiFields, next: Partial<CiFields>): FieldChange[] {
  const changes: FieldChange[] = [];
  for (const field of COMPARED) {
    if (field in next && !same(before[field], next[field])) changes.push({ field, from: before[field] ?? null, to: next[field] ?? null });
  }
  if (next.attributes) {
    const keys = new Set([...Object.keys(before.attributes), ...Object.keys(next.attributes)]);
    for (const key of [...keys].sort()) {
      if (!same(before.attributes[key], next.attributes[key]))
        changes.push({ field: `attributes.${key}`, from: before.attributes[key] ?? null, to: next.attributes[key] ?? null });
    }
  }
  return changes;
}

/** The creation's history: every field that holds something. */
export function creationChanges(fields: CiFields): FieldChange[] {
  const empty: CiFields = { ...fields, attributes: {} };
  for (const field of COMPARED) (empty as Record<string, unknown>)[field] = null;
  return ciChanges(empty, fields);
}
