import { z } from "zod";
import { CI_ATTRIBUTES, isoDay } from "@/lib/domain/ci-classes";
import { RENEWAL_AGE_RANGE } from "@/lib/domain/ci-lifecycle";
import { CI_CLASSES, CI_CRITICALITIES, CI_STATUSES, FUNDINGS } from "@/lib/domain/vocabulary";
import { cursorParam } from "./cursor";
import { asList, optionalText, upperCode } from "./primitives";

export const ciCursorSchema = z.object({ name: z.string(), id: z.uuid() });

/** The filters of every inventory list: the API's, the pages' (their address), the export's. */
export const listCisQuery = z.object({
  establishment: upperCode.optional().meta({ description: "UAI" }),
  zone: upperCode.optional().meta({ description: "Code de zone" }),
  class: z.enum(CI_CLASSES, { error: "cmdb.errors.unknownClass" }).optional(),
  status: z.enum(CI_STATUSES, { error: "forms.errors.unknownStatus" }).optional(),
  building: z.string().trim().max(100).optional(),
  room: z.string().trim().max(100).optional(),
  q: z
    .string()
    .trim()
    .max(100)
    .optional()
    .meta({ description: "Une partie du nom, du numéro de série, d'inventaire ou de région, du modèle ou de la salle" }),
  renewal: z
    .enum(["true"], { error: "cmdb.errors.renewalFlag" })
    .transform(() => true as const)
    .optional(),
  warranty: z.enum(["under", "expired", "unknown"], { error: "cmdb.errors.warranty" }).optional(),
  // Either bound refused says both: the message quotes the range.
  renewalAge: z.coerce
    .number()
    .int()
    .refine((years) => years >= RENEWAL_AGE_RANGE.min && years <= RENEWAL_AGE_RANGE.max, {
      message: "cmdb.errors.renewalAge",
      params: { minimum: RENEWAL_AGE_RANGE.min, maximum: RENEWAL_AGE_RANGE.max },
    })
    .optional(),
  cursor: cursorParam(ciCursorSchema).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(25),
});
export type ListCisQuery = z.infer<typeof listCisQuery>;

/** The query string's filters, without the page: what an export or a "next page" link carries on. */
export const LIST_FILTER_KEYS = [
  "establishment",
  "zone",
  "class",
  "status",
  "building",
  "room",
  "q",
  "renewal",
  "warranty",
  "renewalAge",
] as const;

const day = z
  .union([isoDay, z.literal("")])
  .transform((value) => value || null)
  .nullable()
  .optional();

/**
 * A configuration item as the API and the forms send it. `attributes` are the class's own fields
 * (lib/domain/ci-classes.ts validates them against the class); in a PATCH they merge with the stored
 * ones, null removing one. `software` is the whole list of software installed on a computer.
 */
const ciFields = {
  name: z.string().trim().min(1, "cmdb.errors.nameRequired").max(120, "forms.errors.max120"),
  class: z.enum(CI_CLASSES, { error: "cmdb.errors.unknownClass" }),
  establishment: z.string().trim().toUpperCase().min(1, "cmdb.errors.uaiRequired"),
  building: optionalText(100),
  room: optionalText(100),
  status: z.enum(CI_STATUSES, { error: "forms.errors.unknownStatus" }),
  criticality: z.enum(CI_CRITICALITIES, { error: "cmdb.errors.unknownCriticality" }),
  brand: optionalText(100),
  model: optionalText(200),
  serialNumber: optionalText(100).transform((value) => value?.toUpperCase() ?? value),
  assetNumber: optionalText(100),
  regionNumber: optionalText(100),
  purchaseDate: day,
  deliveryDate: day,
  warrantyEnd: day.meta({
    description: "Fin de garantie saisie à la main ; vide : calculée (PC Région 5 ans, portables 3 ans après livraison)",
  }),
  funding: z.enum(FUNDINGS, { error: "cmdb.errors.funding" }),
  maintainer: optionalText(200).meta({ description: "Nom du prestataire de maintenance" }),
  parentId: z
    .uuid("cmdb.errors.invalidItemId")
    .nullable()
    .optional()
    .meta({ description: "Lien montant (commutateur…) ou hôte (serveur d'une VM)" }),
  notes: optionalText(2000),
  attributes: z.record(z.string(), z.unknown()).optional().meta({
    description:
      "Champs propres à la classe : os_family, os_version, os_install_date, cpu, ram_mb, disk_gb ; ports, management_ip ; version, licence_count ; units",
  }),
  software: z
    .array(z.object({ id: z.uuid(), version: optionalText(60) }))
    .max(300)
    .optional()
    .meta({ description: "Logiciels installés (remplace la liste)" }),
};

export const createCiSchema = z.object({
  ...ciFields,
  status: ciFields.status.default("production"),
  criticality: ciFields.criticality.default("low"),
  funding: ciFields.funding.default("region"),
});
export type CreateCiInput = z.infer<typeof createCiSchema>;

export const patchCiSchema = z
  .object(ciFields)
  .partial()
  .refine((patch) => Object.keys(patch).length > 0, { error: "forms.errors.nothingToChange" });
export type PatchCiInput = z.infer<typeof patchCiSchema>;

export const ciIdParam = z.uuid();

/** A form's flat fields (`attr.ram_mb`, `software.<id>`) → the API's shape; empty attributes are removed. */
function fromForm(values: unknown): unknown {
  if (typeof values !== "object" || values === null) return values;
  const flat = values as Record<string, unknown>;
  const attributes: Record<string, unknown> = {};
  const rest: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(flat)) {
    if (key.startsWith("attr.")) {
      const name = key.slice(5);
      const raw = typeof value === "string" ? value.trim() : value;
      attributes[name] =
        raw === "" ? null : CI_ATTRIBUTES[name] === "integer" && typeof raw === "string" && /^\d+$/.test(raw) ? Number(raw) : raw;
    } else if (key === "parentId") rest.parentId = value === "" ? null : value;
    else rest[key] = value;
  }
  return { ...rest, attributes };
}

export const ciFormSchema = z.preprocess(fromForm, createCiSchema);
export const ciEditFormSchema = z.preprocess(fromForm, z.object({ ...ciFields, id: z.uuid() }));

export const bulkStatusForm = z.object({
  ids: z.preprocess(asList, z.array(z.uuid()).min(1, "cmdb.errors.tickOneItem").max(500)),
  status: z.enum(CI_STATUSES, { error: "forms.errors.chooseStatus" }),
});
