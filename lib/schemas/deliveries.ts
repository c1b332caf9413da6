import { z } from "zod";
import { isDay } from "@/lib/domain/dashboard-period";
import { DELIVERY_STATES, LINE_ANOMALIES } from "@/lib/domain/deliveries";
import { CI_CLASSES } from "@/lib/domain/vocabulary";
import { checkedUai } from "./primitives";

/** Creating a delivery (POST /api/v1/deliveries and the Région's form); messages are catalogue keys. */
const serial = z.string().trim().min(1, "deliveries.errors.serialEmpty").max(100, "deliveries.errors.serialTooLong");

export const deliveryLineInputSchema = z.object({
  code: z.string({ error: "deliveries.errors.codeRequired" }).trim().min(1, "deliveries.errors.codeRequired").max(60).meta({
    description: "Code de l'équipement au catalogue de la campagne ; sans campagne, une classe de l'inventaire (pc, laptop…)",
    example: "PC-MULTI",
  }),
  model: z.string({ error: "deliveries.errors.modelRequired" }).trim().min(1, "deliveries.errors.modelRequired").max(200),
  quantity: z.int({ error: "deliveries.errors.quantity" }).min(1, "deliveries.errors.quantity").max(1000, "deliveries.errors.quantity"),
  room: z.string().trim().max(100).optional().meta({ description: "Salle prévue" }),
  serials: z
    .array(serial)
    .max(1000)
    .optional()
    .meta({ description: "Numéros de série du bon de livraison, quand le fournisseur les donne" }),
});

export const createDeliverySchema = z.object({
  campaignYear: z.int().min(2000).max(2100).optional().meta({ description: "Année de la campagne de dotation", example: 2026 }),
  establishmentUai: checkedUai,
  supplier: z.string({ error: "deliveries.errors.supplierRequired" }).trim().min(1, "deliveries.errors.supplierRequired").max(200),
  deliveredOn: z
    .string({ error: "deliveries.errors.date" })
    .trim()
    .refine(isDay, "deliveries.errors.date")
    .meta({ description: "Jour de livraison (ou du rendez-vous), AAAA-MM-JJ, heure de Paris", example: "2026-11-05" }),
  lines: z.array(deliveryLineInputSchema).min(1, "deliveries.errors.noLine").max(100),
});
export type CreateDeliveryInput = z.infer<typeof createDeliverySchema>;

/** "Depuis la dotation": the lines come from the school's allocation in that campaign. */
export const deliveryFromAllocationSchema = createDeliverySchema.omit({ lines: true, campaignYear: true }).extend({
  campaignYear: z.coerce.number({ error: "deliveries.errors.campaignYear" }).int("deliveries.errors.campaignYear").min(2000).max(2100),
});
export type DeliveryFromAllocationInput = z.infer<typeof deliveryFromAllocationSchema>;

export const checkDeliverySchema = z.object({
  lines: z
    .array(
      z.object({
        id: z.uuid(),
        received: z.int({ error: "deliveries.errors.received" }).min(0, "deliveries.errors.received").max(1000),
        serials: z.array(serial).max(1000).default([]),
        anomaly: z
          .object({
            kind: z.enum(LINE_ANOMALIES),
            serials: z
              .array(serial)
              .max(1000)
              .optional()
              .meta({ description: "Les numéros concernés (abîmés, mauvais modèle) ; absents : toute la ligne" }),
            note: z.string().trim().max(2000).optional(),
          })
          .nullish(),
        replaces: z.array(z.uuid()).max(1000).optional().meta({
          description: "Équipements de l'établissement que la livraison remplace : ils passent en obsolète et sur la liste de recyclage",
        }),
      }),
    )
    .min(1)
    .max(100),
});
export type CheckDeliveryInput = z.infer<typeof checkDeliverySchema>;

export const deliveryLineSchema = z.object({
  id: z.uuid(),
  code: z.string(),
  label: z.string(),
  class: z.enum(CI_CLASSES),
  model: z.string(),
  quantity: z.int(),
  room: z.string().nullable(),
  expectedSerials: z.array(z.string()),
  received: z.int().nullable(),
  receivedSerials: z.array(z.string()),
  anomaly: z.enum(LINE_ANOMALIES).nullable(),
  anomalySerials: z.array(z.string()),
  anomalyNote: z.string().nullable(),
});

export const deliverySchema = z.object({
  id: z.uuid(),
  campaignYear: z.int().nullable(),
  establishmentUai: z.string(),
  establishmentName: z.string(),
  supplier: z.string(),
  deliveredOn: z.string(),
  checkBy: z.iso
    .datetime()
    .meta({ description: "Fin des 5 jours ouvrés de contrôle (fermeture du 5e jour ouvré, calendrier de l'établissement)" }),
  state: z.enum(DELIVERY_STATES),
  checkedAt: z.iso.datetime().nullable(),
  ticketReference: z.string().nullable().meta({ description: "Ticket EQUIP-LIVRAISON ouvert pour les anomalies" }),
  lines: z.array(deliveryLineSchema),
});
export const deliveryListSchema = z.object({ items: z.array(deliverySchema.omit({ lines: true })) });

/**
 * The check's form (/livraisons/{id}): per line `lines.<i>.id`, `lines.<i>.received` (blank: as many as serials),
 * `lines.<i>.serials` (one a line: typed, or scanned by a keyboard scanner that types and presses Enter),
 * `lines.<i>.ticked` (serials ticked from the supplier's list), `lines.<i>.anomaly`, `lines.<i>.anomalySerials`,
 * `lines.<i>.note`, `lines.<i>.replaces` (old items ticked).
 */
export const checkDeliveryForm = z.object({ id: z.uuid() }).and(checkDeliverySchema);

const words = (value: unknown) =>
  typeof value === "string"
    ? value
        .split(/[\s,;]+/)
        .map((word) => word.trim())
        .filter(Boolean)
    : [];
const list = (value: unknown) =>
  (Array.isArray(value) ? value : value === undefined ? [] : [value]).filter((item) => typeof item === "string" && item);

export function readCheckForm(_form: FormData, values: Record<string, unknown>) {
  const count = Number(values.lineCount ?? 0);
  const lines = Array.from({ length: Number.isInteger(count) && count > 0 && count <= 100 ? count : 0 }, (_, index) => {
    const at = (name: string) => values[`lines.${index}.${name}`];
    const serials = [...new Set([...list(at("ticked")), ...words(at("serials"))].map((serial) => String(serial).trim().toUpperCase()))];
    const received =
      typeof at("received") === "string" && (at("received") as string).trim() !== "" ? Number(at("received")) : serials.length;
    const kind = at("anomaly");
    return {
      id: at("id"),
      received,
      serials,
      anomaly:
        typeof kind === "string" && kind
          ? { kind, serials: words(at("anomalySerials")), note: typeof at("note") === "string" ? at("note") : undefined }
          : null,
      replaces: list(at("replaces")),
    };
  });
  return { id: values.id, lines };
}

/** The delivery note's import form (/livraisons/nouvelle): the delivery's header, the file, and the button pressed. */
export const deliveryNoteForm = createDeliverySchema
  .omit({ lines: true, campaignYear: true })
  .extend({
    campaignYear: z.preprocess(
      (value) => (typeof value === "string" && value.trim() === "" ? undefined : value),
      z.coerce.number({ error: "deliveries.errors.campaignYear" }).int("deliveries.errors.campaignYear").min(2000).max(2100).optional(),
    ),
    file: z.instanceof(File, { error: "forms.csv.chooseFile" }).refine((file) => file.size > 0, "forms.csv.chooseFile"),
    mode: z.enum(["dry-run", "apply"]).catch("dry-run"),
  })
  .transform(({ file, mode, ...header }) => ({ file, dryRun: mode !== "apply", header }));

export const readDeliveryNoteForm = (form: FormData) => ({
  file: form.get("file"),
  mode: form.get("mode"),
  campaignYear: form.get("campaignYear") ?? undefined,
  establishmentUai: form.get("establishmentUai"),
  supplier: form.get("supplier"),
  deliveredOn: form.get("deliveredOn"),
});
