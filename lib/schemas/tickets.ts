import { z } from "zod";
import { TICKET_SORTS } from "@/db/queries/ticket-list";
import { IMPACTS, PRIORITIES, TICKET_STATUSES, TICKET_TYPES, URGENCIES } from "@/lib/domain/vocabulary";
import { cursorParam } from "./cursor";
import { uaiCode, upperCode } from "./primitives";

/** Filing a ticket: the same schema serves the API (JSON) and the portal's form. */
export const createTicketSchema = z.object({
  type: z.enum(TICKET_TYPES, { error: "Type attendu : incident ou request." }),
  serviceCode: z.string({ error: "Service obligatoire." }).trim().min(1, "Service obligatoire."),
  categoryCode: z.string({ error: "Catégorie obligatoire." }).trim().min(1, "Catégorie obligatoire."),
  establishmentUai: uaiCode,
  title: z.string({ error: "Titre obligatoire." }).trim().min(3, "Titre trop court (3 caractères au moins).").max(200, "Titre trop long (200 caractères au plus)."),
  description: z.string({ error: "Description obligatoire." }).trim().min(1, "Décrivez le problème ou la demande.").max(10_000, "Description trop longue (10 000 caractères au plus)."),
  impact: z.enum(IMPACTS, { error: "Impact attendu : school, group ou individual." }),
  urgency: z.enum(URGENCIES, { error: "Urgence attendue : high, medium ou low." }),
  fields: z.record(z.string(), z.unknown(), { error: "fields doit être un objet." }).default({}),
  ciIds: z.array(z.uuid({ error: "Identifiant d'équipement invalide." })).max(20, "20 équipements au plus.").default([]),
});
export type CreateTicketInput = z.infer<typeof createTicketSchema>;

export const ticketCursorSchema = z.object({
  createdAt: z.iso.datetime({ offset: true }), id: z.uuid(),
  priority: z.enum(["P1", "P2", "P3", "P4"]).optional(), updatedAt: z.iso.datetime({ offset: true }).optional(),
  resolveBy: z.iso.datetime({ offset: true }).nullable().optional(),
});

/** GET /api/v1/tickets: the route parses it and the OpenAPI document describes it. */
export const listTicketsQuery = z.object({
  establishment: uaiCode.optional().meta({ description: "UAI" }),
  status: z.enum(TICKET_STATUSES, { error: "Statut inconnu." }).optional(),
  service: z.string().trim().optional().meta({ description: "Code de service" }),
  q: z.string().trim().max(200).optional().meta({ description: "Recherche en français, accents ignorés" }),
  mine: z.enum(["true", "false"]).transform((value) => value === "true").optional(),
  cursor: cursorParam(ticketCursorSchema).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(25),
});
export type ListTicketsQuery = z.infer<typeof listTicketsQuery>;

export const addCommentSchema = z.object({
  body: z.string({ error: "Message obligatoire." }).trim().min(1, "Le message est vide.").max(10_000, "Message trop long (10 000 caractères au plus)."),
  visibility: z.enum(["public", "internal"], { error: "Visibilité attendue : public ou internal." }).default("public"),
});

/** A queue's filters and sort, as the workspace and GET /api/v1/queues/{queue} take them. */
export const queueQuery = z.object({
  status: z.enum(TICKET_STATUSES, { error: "Statut inconnu." }).optional(),
  priority: z.enum(PRIORITIES, { error: "Priorité inconnue." }).optional(),
  establishment: uaiCode.optional(),
  zone: upperCode.optional(),
  service: z.string().trim().optional(),
  ci: z.uuid({ error: "Équipement invalide." }).optional(),
  q: z.string().trim().max(200).optional(),
  /** Each queue has its own default: the soonest deadline for the at-risk queue, the newest ticket for the others. */
  sort: z.enum(TICKET_SORTS, { error: "Tri inconnu." }).optional(),
  cursor: cursorParam(ticketCursorSchema).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(25),
});
export type QueueQuery = z.infer<typeof queueQuery>;

/** PATCH /api/v1/tickets/{reference}: any of these, applied together or not at all. */
export const patchTicketSchema = z.object({
  status: z.enum(TICKET_STATUSES, { error: "Statut inconnu." }).optional(),
  message: z.string().trim().max(10_000).optional(),
  assignee: z.union([z.uuid(), z.literal("me"), z.null()], { error: "assignee : identifiant, « me » ou null." }).optional(),
  team: z.string().trim().min(1).optional(),
  type: z.enum(TICKET_TYPES).optional(),
  serviceCode: z.string().trim().min(1).optional(),
  categoryCode: z.string().trim().min(1).optional(),
  impact: z.enum(IMPACTS).optional(),
  urgency: z.enum(URGENCIES).optional(),
  ciIds: z.array(z.uuid()).max(20).optional(),
  vendorReference: z.string().trim().max(100, "Référence trop longue (100 caractères au plus).").optional()
    .meta({ description: "La référence du prestataire pour ce ticket (vide : effacée). Seul champ permis à l'agent du prestataire, pendant son intervention." }),
})
  .refine((patch) => Object.values(patch).some((value) => value !== undefined), { message: "Rien à modifier." })
  .refine((patch) => patch.message === undefined || patch.status !== undefined, { path: ["message"], message: "Le message accompagne un changement de statut (pour répondre : POST …/comments)." });
export type PatchTicketInput = z.infer<typeof patchTicketSchema>;

export const escalationSchema = z.object({
  target: z.enum(["vendor", "expert", "academy"], { error: "Cible attendue : vendor, expert ou academy." }),
  teamCode: z.string().trim().min(1).optional(),
  vendorReference: z.string().trim().max(100).optional(),
  reason: z.string({ error: "Motif obligatoire." }).trim().min(3, "Motif obligatoire (3 caractères au moins).").max(5_000),
  sharedEventIds: z.array(z.int({ error: "Identifiant de note invalide." }).positive({ error: "Identifiant de note invalide." }), { error: "Liste de notes attendue." })
    .max(50, "50 notes au plus.").optional()
    .meta({ description: "Vers un prestataire : les notes internes du ticket qu'il pourra lire (il ne lit sinon que le journal public, le motif et ses propres messages)." }),
  sharedAttachmentIds: z.array(z.uuid({ error: "Identifiant de fichier invalide." }), { error: "Liste de fichiers attendue." })
    .max(50, "50 fichiers au plus.").optional()
    .meta({ description: "Vers un prestataire : les pièces jointes de notes internes qu'il pourra télécharger." }),
}).refine((escalation) => escalation.target === "vendor" || (!escalation.sharedEventIds?.length && !escalation.sharedAttachmentIds?.length), {
  path: ["sharedEventIds"], message: "Le partage de notes et de fichiers accompagne une escalade vers un prestataire.",
});

/** POST /api/v1/tickets/{reference}/hand-back: the vendor's report, read by the Région's team. */
export const handBackSchema = z.object({
  report: z.string({ error: "Rapport obligatoire." }).trim().min(3, "Rapport obligatoire (3 caractères au moins).").max(10_000, "Rapport trop long (10 000 caractères au plus)."),
});
