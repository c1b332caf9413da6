import { z } from "zod";
import { importResultSchema } from "./import-result";
import { CI_CLASSES, CI_CRITICALITIES, CI_STATUSES, FUNDINGS } from "@/lib/domain/vocabulary";

/** What /api/v1/cis answers, declared once for the OpenAPI document (lib/services/cmdb/ci-view.ts builds it). */
const day = z.iso.date().nullable();

export const ciSummarySchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    class: z.enum(CI_CLASSES),
    status: z.enum(CI_STATUSES),
    criticality: z.enum(CI_CRITICALITIES),
    establishment: z.object({ uai: z.string(), name: z.string() }),
    building: z.string().nullable(),
    room: z.string().nullable(),
    brand: z.string().nullable(),
    model: z.string().nullable(),
    serialNumber: z.string().nullable(),
    assetNumber: z.string().nullable(),
    regionNumber: z.string().nullable(),
    purchaseDate: day,
    deliveryDate: day,
    funding: z.enum(FUNDINGS),
    parentId: z.uuid().nullable(),
    notes: z.string().nullable(),
    attributes: z.record(z.string(), z.unknown()).meta({ description: "Champs propres à la classe" }),
    warranty: z.object({ end: day, source: z.enum(["override", "rule"]).nullable(), active: z.boolean().nullable() }).meta({
      description: "Fin de garantie : saisie, sinon PC de la Région 5 ans et portables 3 ans après livraison (à défaut, l'achat)",
    }),
    ownership: z
      .object({ transfer: day, school: z.boolean() })
      .meta({ description: "Transfert de propriété à l'établissement 5 ans après livraison (matériel Région)" }),
    ageYears: z.number().int().nullable(),
    renewal: z.object({ candidate: z.boolean(), reason: z.enum(["obsolete", "aged"]).nullable() }).meta({
      description: "Proposé au renouvellement : obsolète, ou hors garantie et au moins l'âge de renouvellement (6 ans, ou renewalAge)",
    }),
    updatedAt: z.iso.datetime(),
  })
  .meta({ id: "CiSummary" });

export const ciSchema = ciSummarySchema
  .extend({
    maintainer: z.string().nullable(),
    parent: z
      .object({ id: z.uuid(), name: z.string(), class: z.enum(CI_CLASSES), status: z.enum(CI_STATUSES) })
      .nullable()
      .meta({ description: "Lien montant ou hôte" }),
    createdAt: z.iso.datetime(),
  })
  .meta({ id: "Ci" });

export const ciPageSchema = z.object({ items: z.array(ciSummarySchema), nextCursor: z.string().nullable() }).meta({ id: "CiPage" });

export const ciImportResultSchema = importResultSchema(z.object({ name: z.string(), ciId: z.uuid().nullable() })).meta({
  id: "CiImportResult",
});
