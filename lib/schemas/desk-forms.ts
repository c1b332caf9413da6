import { z } from "zod";
import type { RoutingDecision } from "@/lib/domain/routing";
import { IMPACTS, TICKET_STATUSES, TICKET_TYPES, URGENCIES, VISIBILITIES, type Priority } from "@/lib/domain/vocabulary";
import type { FormState } from "./form-state";
import { savedViewInput } from "./saved-views";
import { addCommentSchema, escalationSchema, handBackSchema, patchTicketSchema } from "./tickets";
import { asList, blankToUndefined, ticketReference } from "./primitives";

/** The technicians' workspace forms, with French messages; each carries the ticket's reference (or a selection of them). */

/** A repeated form field (checkboxes, picked equipment) arrives as one string when only one was sent. */

const reference = ticketReference;
const otherReference = z.string({ error: "Référence obligatoire." }).trim().toUpperCase()
  .regex(/^GU-\d{4}-\d{6}$/, "Référence attendue : GU-AAAA-NNNNNN.");
const optionalMessage = z.preprocess(blankToUndefined, z.string().trim().max(10_000, "Message trop long (10 000 caractères au plus).").optional());
const status = z.enum(TICKET_STATUSES, { error: "Choisissez un statut." });

export const deskReplyForm = z.object({
  reference,
  body: addCommentSchema.shape.body,
  visibility: z.enum(VISIBILITIES, { error: "Choisissez : réponse publique ou note interne." }),
});

export const takeTicketForm = z.object({ reference });

export const assignForm = z.object({ reference, assignee: z.uuid({ error: "Choisissez un membre de l'équipe." }) });

export const moveTeamForm = z.object({ reference, team: z.string({ error: "Choisissez une équipe." }).trim().min(1, "Choisissez une équipe.") });

export const statusForm = z.object({ reference, status, message: optionalMessage });

export const requalifyForm = z.object({
  reference,
  type: z.enum(TICKET_TYPES, { error: "Choisissez le type." }),
  serviceCode: z.string({ error: "Choisissez le service." }).trim().min(1, "Choisissez le service."),
  categoryCode: z.string({ error: "Choisissez la catégorie." }).trim().min(1, "Choisissez la catégorie."),
  impact: z.enum(IMPACTS, { error: "Choisissez l'impact." }),
  urgency: z.enum(URGENCIES, { error: "Choisissez l'urgence." }),
});

export const linkEquipmentForm = z.object({
  reference,
  ciIds: z.preprocess(asList, z.array(z.uuid({ error: "Équipement invalide." })).min(1, "Choisissez au moins un équipement.").max(20, "20 équipements au plus.")),
});

export const escalateForm = z.object({
  reference,
  target: z.enum(["vendor", "expert", "academy"], { error: "Choisissez vers qui escalader." }),
  teamCode: z.preprocess(blankToUndefined, escalationSchema.shape.teamCode),
  vendorReference: z.preprocess(blankToUndefined, z.string().trim().max(100, "Référence trop longue (100 caractères au plus).").optional()),
  reason: escalationSchema.shape.reason,
  /** To a vendor: the internal notes and files the technician ticks for it. */
  sharedEventIds: z.preprocess(asList, z.array(z.coerce.number({ error: "Note invalide." }).int().positive()).max(50, "50 notes au plus.")),
  sharedAttachmentIds: z.preprocess(asList, z.array(z.uuid({ error: "Fichier invalide." })).max(50, "50 fichiers au plus.")),
});

/** The vendor's forms: its own reference, and the hand-back with its report. */
export const vendorReferenceForm = z.object({ reference, vendorReference: patchTicketSchema.shape.vendorReference.unwrap() });

export const handBackForm = z.object({ reference, report: handBackSchema.shape.report });

export const linkTicketForm = z.object({ reference, related: otherReference });

export const mergeForm = z.object({
  reference,
  master: otherReference,
  reason: z.string({ error: "Motif obligatoire." }).trim().min(3, "Motif obligatoire (3 caractères au moins).").max(5_000, "Motif trop long (5 000 caractères au plus)."),
});

const selection = z.preprocess(asList, z.array(ticketReference).min(1, "Cochez au moins un ticket.").max(100, "100 tickets au plus à la fois."));

/** The queue's bulk bar: take the checked tickets, or move them all to one status. */
export const bulkForm = z.discriminatedUnion("operation", [
  z.object({ operation: z.literal("take"), references: selection }),
  z.object({ operation: z.literal("status"), references: selection, status, message: optionalMessage }),
], { error: "Action inconnue." });

/** "Save this view": a name and the workspace's address as it stands (a query string). */
export const saveViewForm = z.object({
  name: savedViewInput.shape.name,
  query: z.string().max(2_000).transform((search) => Object.fromEntries(new URLSearchParams(search))),
});

export const deleteViewForm = z.object({ id: z.uuid({ error: "Vue inconnue." }) });

/** What the re-qualification form chose, and what routing would do with it (nothing applied yet). */
export type RequalificationPreview = {
  status: "preview";
  choice: Omit<z.infer<typeof requalifyForm>, "reference">;
  priority: Priority;
  rule: string | null;
  teamCode: string | null;
  trace: RoutingDecision["trace"];
};
export type RequalificationPreviewState = FormState | RequalificationPreview;
