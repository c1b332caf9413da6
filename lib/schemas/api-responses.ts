import { z } from "zod";
import {
  APPROVER_KINDS,
  IMPACTS,
  PARTIES,
  PRIORITIES,
  ROLES,
  SUPPORT_MODES,
  TICKET_CHANNELS,
  TICKET_STATUSES,
  TICKET_TYPES,
  URGENCIES,
} from "@/lib/domain/vocabulary";
import { categoryFieldSchema } from "./category-fields";

/** What /api/v1 returns, declared once: the routes build these shapes and the OpenAPI document describes them. */
export const problemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string().optional(),
    errors: z.array(z.object({ field: z.string(), message: z.string() })).optional(),
  })
  .meta({ id: "Problem", description: "RFC 9457 problem details; `errors` names each bad field." });

const teamRef = z.object({ code: z.string(), name: z.string(), party: z.enum(PARTIES) });

export const ticketSummarySchema = z
  .object({
    reference: z.string().meta({ example: "GU-2026-000123" }),
    type: z.enum(TICKET_TYPES),
    status: z.enum(TICKET_STATUSES),
    priority: z.enum(PRIORITIES),
    title: z.string(),
    establishment: z.object({ uai: z.string(), name: z.string() }),
    service: z.object({ code: z.string() }),
    category: z.object({ code: z.string() }),
    assignedTeam: teamRef.nullable(),
    flags: z.array(z.string()),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
    sla: z
      .object({
        state: z
          .enum(["ok", "at_risk", "breached"])
          .meta({ description: "État enregistré : à risque dès 75 % d'un délai consommé, dépassé à l'échéance" }),
        ownBy: z.iso.datetime().meta({ description: "Échéance de prise en charge" }),
        resolveBy: z.iso.datetime().meta({ description: "Échéance de résolution" }),
      })
      .nullable()
      .meta({ description: "Les échéances du ticket ; null quand il n'a pas d'engagement (hors périmètre)" }),
  })
  .meta({ id: "TicketSummary" });

export const ticketSchema = ticketSummarySchema
  .extend({
    description: z.string(),
    impact: z.enum(IMPACTS),
    urgency: z.enum(URGENCIES),
    fields: z.record(z.string(), z.unknown()),
    cis: z.array(
      z.object({ id: z.uuid(), name: z.string(), class: z.string(), room: z.string().nullable(), serialNumber: z.string().nullable() }),
    ),
    assignee: z.object({ name: z.string() }).nullable(),
    requester: z.object({ name: z.string() }),
    channel: z
      .enum(TICKET_CHANNELS)
      .meta({ description: "Comment la demande est arrivée : portal, mail, phone (appel téléphonique), api" }),
    takenBy: z
      .object({ id: z.uuid(), name: z.string() })
      .nullable()
      .meta({ description: "Qui a pris l'appel (ou déposé la demande pour le demandeur) ; null quand le demandeur l'a déposée lui-même" }),
    resolvedAt: z.iso.datetime().nullable(),
    closedAt: z.iso.datetime().nullable(),
    vendor: z
      .object({ name: z.string(), reference: z.string().nullable() })
      .nullable()
      .meta({ description: "Le prestataire saisi et sa propre référence" }),
    mergedInto: z.object({ reference: z.string() }).nullable(),
    sla: z
      .object({
        policy: z.string().meta({ description: "Code de la politique de SLA ; DEFAULT pour la politique par défaut" }),
        ownBy: z.iso.datetime().meta({ description: "Échéance de prise en charge" }),
        resolveBy: z.iso.datetime().meta({ description: "Échéance de résolution" }),
        state: z.enum(["ok", "at_risk", "breached"]),
        pausedMinutes: z.number().int().meta({ description: "Minutes ouvrées passées en attente du demandeur" }),
      })
      .nullable()
      .meta({ description: "Les engagements de service du ticket ; null quand il n'en a pas (hors périmètre)" }),
    approval: z
      .object({
        state: z.enum(["pending", "approved", "refused", "expired"]).meta({
          description:
            "pending : en attente de validation ; approved : validée ; refused : refusée ; expired : annulée faute de réponse en 10 jours ouvrés",
        }),
        by: z.string().optional().meta({ description: "Qui a validé (le dernier niveau) ou refusé" }),
        function: z
          .string()
          .optional()
          .meta({ description: "Sa fonction dans l'établissement, quand il en a une (Chef d'établissement…)" }),
        as: z
          .enum(APPROVER_KINDS)
          .optional()
          .meta({ description: "Au titre de quel niveau : school_head, secretary_general, sector_lead" }),
        at: z.iso.datetime().optional().meta({ description: "Quand" }),
        reason: z.string().optional().meta({ description: "Le motif d'un refus" }),
      })
      .nullable()
      .meta({ description: "La validation exigée par la catégorie (la signature du ticket) ; null quand la catégorie n'en demande pas" }),
  })
  .meta({ id: "Ticket" });

export const ticketPageSchema = z
  .object({ items: z.array(ticketSummarySchema), nextCursor: z.string().nullable() })
  .meta({ id: "TicketPage" });

export const serviceCatalogueSchema = z
  .object({
    items: z.array(
      z.object({
        code: z.string(),
        name: z.string(),
        deliveryMode: z.string(),
        domain: z.string(),
        includes: z.array(z.string()),
        excludes: z.array(z.string()),
        procedure: z.string(),
        categories: z.array(
          z.object({
            code: z.string(),
            name: z.string(),
            type: z.enum(TICKET_TYPES),
            hardware: z.boolean(),
            schoolTask: z.string().nullable(),
            fields: z.array(categoryFieldSchema),
            approvalLevels: z.array(z.enum(APPROVER_KINDS)).meta({
              description:
                "Qui valide ses tickets avant qu'ils soient aiguillés, niveau par niveau : school_head (chef d'établissement ou délégataire), secretary_general, sector_lead ; vide : aucune validation",
            }),
            project: z.boolean().meta({ description: "Un projet : le chef de secteur en juge la recevabilité" }),
          }),
        ),
      }),
    ),
  })
  .meta({ id: "ServiceCatalogue" });

export const commentCreatedSchema = z.object({ id: z.number().int(), reference: z.string() }).meta({ id: "CommentCreated" });

export type TicketJson = z.infer<typeof ticketSchema>;
export type TicketSummaryJson = z.infer<typeof ticketSummarySchema>;

const ruleRef = z.object({ id: z.uuid(), name: z.string() });

export const routingTestResultSchema = z
  .object({
    rule: ruleRef.nullable().meta({ description: "La première règle active qui prend le ticket ; null si aucune" }),
    team: z
      .object({ code: z.string() })
      .nullable()
      .meta({ description: "L'équipe désignée, variables remplacées ({zone}, {departement}, {uai})" }),
    priority: z
      .enum(PRIORITIES)
      .meta({ description: "Priorité de la matrice impact × urgence, relevée au plancher de la règle s'il y en a un" }),
    watchers: z.array(z.object({ code: z.string() })),
    trace: z
      .array(z.object({ rule: ruleRef, matched: z.boolean(), reason: z.string() }))
      .meta({ description: "Chaque règle examinée, dans l'ordre, et pourquoi elle a pris ou écarté le ticket" }),
  })
  .meta({ id: "RoutingTestResult" });
export type RoutingTestResultJson = z.infer<typeof routingTestResultSchema>;

export const meSchema = z
  .object({
    id: z.uuid(),
    email: z.string(),
    name: z.string(),
    role: z.enum(ROLES),
    navigation: z
      .array(z.string())
      .meta({ description: "Les entrées du menu de l'application offertes à ce rôle (home, desk, inventory…)" }),
  })
  .meta({ id: "Me" });
export type MeJson = z.infer<typeof meSchema>;

export const establishmentPageSchema = z
  .object({
    items: z.array(
      z.object({
        uai: z.string().meta({ example: "0370037P" }),
        name: z.string(),
        type: z.string().meta({ example: "LPO" }),
        city: z.string(),
        departement: z.string(),
        supportMode: z.enum(SUPPORT_MODES).meta({
          description:
            "normal (engagements complets), ouvert (droits d'administration délégués, engagements réduits) ou hors_perimetre (maintenance matérielle seulement)",
        }),
        zone: z.object({ code: z.string(), name: z.string() }),
      }),
    ),
    nextCursor: z.string().nullable(),
  })
  .meta({ id: "EstablishmentPage" });
export type EstablishmentPageJson = z.infer<typeof establishmentPageSchema>;
