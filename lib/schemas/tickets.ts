import { z } from "zod";
import { TICKET_SORTS } from "@/db/queries/ticket-list";
import { IMPACTS, PRIORITIES, TICKET_STATUSES, TICKET_TYPES, URGENCIES } from "@/lib/domain/vocabulary";
import { cursorParam } from "./cursor";
import { uaiCode, upperCode } from "./primitives";

/** Filing a ticket: the same schema serves the API (JSON) and the portal's form. */
export const createTicketSchema = z.object({
  type: z.enum(TICKET_TYPES, { error: "tickets.errors.typeValues" }),
  serviceCode: z.string({ error: "tickets.errors.serviceRequired" }).trim().min(1, "tickets.errors.serviceRequired"),
  categoryCode: z.string({ error: "tickets.errors.categoryRequired" }).trim().min(1, "tickets.errors.categoryRequired"),
  establishmentUai: uaiCode,
  title: z
    .string({ error: "tickets.errors.titleRequired" })
    .trim()
    .min(3, "tickets.errors.titleTooShort")
    .max(200, "tickets.errors.titleTooLong"),
  description: z
    .string({ error: "tickets.errors.descriptionRequired" })
    .trim()
    .min(1, "tickets.errors.describe")
    .max(10_000, "tickets.errors.descriptionTooLong"),
  impact: z.enum(IMPACTS, { error: "tickets.errors.impactValues" }),
  urgency: z.enum(URGENCIES, { error: "tickets.errors.urgencyValues" }),
  fields: z.record(z.string(), z.unknown(), { error: "tickets.errors.fieldsObject" }).default({}),
  ciIds: z
    .array(z.uuid({ error: "cmdb.errors.invalidItemId" }))
    .max(20, "forms.errors.max20Items")
    .default([]),
  /** Staff filing for a school's contact (a phone call, or a platform): the contact is the requester. */
  requesterId: z.uuid({ error: "desk.calls.errors.contactRequired" }).optional().meta({
    description:
      "Réservé au personnel qui traite les demandes de l'établissement : le contact de l'établissement pour qui la demande est déposée (il en devient le demandeur)",
  }),
});
export type CreateTicketInput = z.infer<typeof createTicketSchema>;

export const ticketCursorSchema = z.object({
  createdAt: z.iso.datetime({ offset: true }),
  id: z.uuid(),
  priority: z.enum(["P1", "P2", "P3", "P4"]).optional(),
  updatedAt: z.iso.datetime({ offset: true }).optional(),
  resolveBy: z.iso.datetime({ offset: true }).nullable().optional(),
});

/** GET /api/v1/tickets: the route parses it and the OpenAPI document describes it. */
export const listTicketsQuery = z.object({
  establishment: uaiCode.optional().meta({ description: "UAI" }),
  status: z.enum(TICKET_STATUSES, { error: "forms.errors.unknownStatus" }).optional(),
  service: z.string().trim().optional().meta({ description: "Code de service" }),
  q: z.string().trim().max(200).optional().meta({ description: "Recherche en français, accents ignorés" }),
  mine: z
    .enum(["true", "false"])
    .transform((value) => value === "true")
    .optional(),
  cursor: cursorParam(ticketCursorSchema).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(25),
});
export type ListTicketsQuery = z.infer<typeof listTicketsQuery>;

export const addCommentSchema = z.object({
  body: z
    .string({ error: "tickets.errors.messageRequired" })
    .trim()
    .min(1, "tickets.errors.messageEmpty")
    .max(10_000, "forms.errors.messageTooLong"),
  visibility: z.enum(["public", "internal"], { error: "tickets.errors.visibilityValues" }).default("public"),
});

/** A queue's filters and sort, as the workspace and GET /api/v1/queues/{queue} take them. */
export const queueQuery = z.object({
  status: z.enum(TICKET_STATUSES, { error: "forms.errors.unknownStatus" }).optional(),
  priority: z.enum(PRIORITIES, { error: "forms.errors.unknownPriority" }).optional(),
  establishment: uaiCode.optional(),
  zone: upperCode.optional(),
  service: z.string().trim().optional(),
  ci: z.uuid({ error: "forms.errors.invalidItem" }).optional(),
  q: z.string().trim().max(200).optional(),
  /** Each queue has its own default: the soonest deadline for the at-risk queue, the newest ticket for the others. */
  sort: z.enum(TICKET_SORTS, { error: "forms.errors.unknownSort" }).optional(),
  cursor: cursorParam(ticketCursorSchema).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(25),
});
export type QueueQuery = z.infer<typeof queueQuery>;

/** PATCH /api/v1/tickets/{reference}: any of these, applied together or not at all. */
export const patchTicketSchema = z
  .object({
    status: z.enum(TICKET_STATUSES, { error: "forms.errors.unknownStatus" }).optional(),
    message: z.string().trim().max(10_000).optional(),
    assignee: z.union([z.uuid(), z.literal("me"), z.null()], { error: "tickets.errors.assigneeValues" }).optional(),
    team: z.string().trim().min(1).optional(),
    type: z.enum(TICKET_TYPES).optional(),
    serviceCode: z.string().trim().min(1).optional(),
    categoryCode: z.string().trim().min(1).optional(),
    impact: z.enum(IMPACTS).optional(),
    urgency: z.enum(URGENCIES).optional(),
    ciIds: z.array(z.uuid()).max(20).optional(),
    vendorReference: z.string().trim().max(100, "forms.errors.referenceTooLong").optional().meta({
      description:
        "La référence du prestataire pour ce ticket (vide : effacée). Seul champ permis à l'agent du prestataire, pendant son intervention.",
    }),
  })
  .refine((patch) => Object.values(patch).some((value) => value !== undefined), { message: "forms.errors.nothingToChange" })
  .refine((patch) => patch.message === undefined || patch.status !== undefined, {
    path: ["message"],
    message: "tickets.errors.messageWithStatus",
  });
export type PatchTicketInput = z.infer<typeof patchTicketSchema>;

export const escalationSchema = z
  .object({
    target: z.enum(["vendor", "expert", "academy"], { error: "tickets.errors.targetValues" }),
    teamCode: z.string().trim().min(1).optional(),
    vendorReference: z.string().trim().max(100).optional(),
    reason: z.string({ error: "forms.errors.reasonRequired" }).trim().min(3, "forms.errors.reasonMin3").max(5_000),
    sharedEventIds: z
      .array(z.int({ error: "tickets.errors.invalidNoteId" }).positive({ error: "tickets.errors.invalidNoteId" }), {
        error: "tickets.errors.notesList",
      })
      .max(50, "forms.errors.max50Notes")
      .optional()
      .meta({
        description:
          "Vers un prestataire : les notes internes du ticket qu'il pourra lire (il ne lit sinon que le journal public, le motif et ses propres messages).",
      }),
    sharedAttachmentIds: z
      .array(z.uuid({ error: "tickets.errors.invalidFileId" }), { error: "tickets.errors.filesList" })
      .max(50, "forms.errors.max50Files")
      .optional()
      .meta({ description: "Vers un prestataire : les pièces jointes de notes internes qu'il pourra télécharger." }),
  })
  .refine(
    (escalation) => escalation.target === "vendor" || (!escalation.sharedEventIds?.length && !escalation.sharedAttachmentIds?.length),
    {
      path: ["sharedEventIds"],
      message: "tickets.errors.shareWithVendorOnly",
    },
  );

/** POST /api/v1/tickets/{reference}/hand-back: the vendor's report, read by the Région's team. */
export const handBackSchema = z.object({
  report: z
    .string({ error: "tickets.errors.reportRequired" })
    .trim()
    .min(3, "tickets.errors.reportMin3")
    .max(10_000, "tickets.errors.reportTooLong"),
});
