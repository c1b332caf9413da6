import { approvalDecisionSchema, categoryApprovalJsonSchema, categoryApprovalSchema, categoryCode } from "@/lib/schemas/approvals";
import { z } from "zod";
import { createDocument } from "zod-openapi";
import { createTokenSchema } from "@/lib/schemas/tokens";
import {
  addCommentSchema,
  createTicketSchema,
  escalationSchema,
  handBackSchema,
  listTicketsQuery,
  patchTicketSchema,
  queueQuery,
} from "@/lib/schemas/tickets";
import {
  commentCreatedSchema,
  problemSchema,
  routingTestResultSchema,
  serviceCatalogueSchema,
  ticketPageSchema,
  ticketSchema,
} from "@/lib/schemas/api-responses";
import { routingTestSchema } from "@/lib/schemas/routing-rules";
import { accountPaths } from "./openapi-account";
import { announcementPaths } from "./openapi-announcements";
import { auditPaths } from "./openapi-audit";
import { notificationPaths } from "./openapi-notifications";
import { ciPaths } from "./openapi-cis";
import { articlePaths } from "./openapi-articles";
import { campaignPaths } from "./openapi-campaigns";
import { criticalPeriodPaths } from "./openapi-critical-periods";
import { deliveryPaths } from "./openapi-deliveries";
import { accountImportPaths } from "./openapi-imports";
import { interventionPaths } from "./openapi-interventions";
import { organisationPaths } from "./openapi-organisation";
import { planningPaths } from "./openapi-planning";
import { registerPaths } from "./openapi-registers";
import { userPaths } from "./openapi-users";
import { dashboardApiQuery, establishmentDashboardSchema, zoneDashboardSchema } from "@/lib/schemas/dashboards";

const json = <T extends z.ZodType>(schema: T) => ({ content: { "application/json": { schema } } });
const problem = (description: string) => ({ description, content: { "application/problem+json": { schema: problemSchema } } });
const reference = z.object({ reference: z.string().meta({ description: "Référence du ticket", example: "GU-2026-000123" }) });
const idempotencyHeader = z.object({
  "Idempotency-Key": z.string().min(1).max(255).optional().meta({
    description:
      "Clé choisie par le client (1 à 255 caractères ASCII visibles) : une nouvelle tentative avec la même clé dans les 24 h reçoit la première réponse (en-tête `Idempotent-Replayed: true`) sans rien créer ; la même clé avec une autre requête est refusée (422).",
    example: "3f1c9a2e-5b7d-4c1a-9e8f-0a1b2c3d4e5f",
  }),
});
const common = { "401": problem("Jeton ou session manquant ou invalide") };

/** The /api/v1 contract, built from the schemas the routes themselves parse and answer with. */
export function openApiDocument() {
  return createDocument({
    openapi: "3.1.0",
    info: {
      title: "Guichet API",
      version: "1.0.0",
      description:
        "Signalements et demandes d'assistance des établissements. Authentification : `Authorization: Bearer <jeton>` (POST /tokens).",
    },
    servers: [{ url: "/api/v1" }],
    components: { securitySchemes: { bearer: { type: "http", scheme: "bearer" } } },
    security: [{ bearer: [] }],
    paths: {
      ...ciPaths({ json, problem, common }),
      ...articlePaths({ json, problem, common }),
      ...criticalPeriodPaths({ json, problem, common }),
      ...deliveryPaths({ json, problem, common }),
      ...campaignPaths({ json, problem, common }),
      ...announcementPaths({ json, problem, common }),
      ...accountPaths({ json, problem, common }),
      ...auditPaths({ json, problem, common }),
      ...notificationPaths({ json, problem, common }),
      ...accountImportPaths({ json, problem, common }),
      ...organisationPaths({ json, problem, common }),
      ...planningPaths({ json, problem, common }),
      ...registerPaths({ json, problem, common }),
      ...userPaths({ json, problem, common }),
      ...interventionPaths({ json, problem, common }),
      "/tokens": {
        post: {
          summary: "Obtenir un jeton d'API (8 heures)",
          security: [],
          requestBody: json(createTokenSchema),
          responses: {
            "201": { description: "Jeton créé", ...json(z.object({ token: z.string(), expiresAt: z.iso.datetime() })) },
            "400": problem("Champs invalides"),
            "401": problem("Identifiants incorrects"),
            "429": problem("Trop de tentatives ; voir Retry-After"),
          },
        },
        delete: {
          summary: "Révoquer le jeton présenté (Authorization: Bearer) ; il est refusé ensuite",
          responses: { "204": { description: "Jeton révoqué" }, ...common },
        },
      },
      "/services": {
        get: {
          summary: "Catalogue des services",
          responses: { "200": { description: "Le catalogue", ...json(serviceCatalogueSchema) }, ...common },
        },
      },
      "/tickets": {
        get: {
          summary: "Tickets visibles, du plus récent au plus ancien (pagination par curseur)",
          requestParams: { query: listTicketsQuery },
          responses: { "200": { description: "Une page", ...json(ticketPageSchema) }, "400": problem("Filtre invalide"), ...common },
        },
        post: {
          summary: "Signaler un incident ou faire une demande",
          requestParams: { header: idempotencyHeader },
          requestBody: json(createTicketSchema),
          responses: {
            "201": { description: "Ticket créé", ...json(ticketSchema) },
            "400": problem("Champs invalides"),
            "403": problem("Établissement non autorisé"),
            "422": problem(
              "Service, catégorie ou UAI inconnu, demande impossible, ou clé d'idempotence déjà utilisée pour une autre requête",
            ),
            ...common,
          },
        },
      },
      "/tickets/{reference}": {
        get: {
          summary: "Un ticket",
          requestParams: { path: reference },
          responses: {
            "200": { description: "Le ticket", ...json(ticketSchema) },
            "404": problem("Introuvable ou non visible"),
            ...common,
          },
        },
        patch: {
          summary:
            "Traiter un ticket : statut, technicien (« me » pour le prendre), équipe, requalification, équipements, référence du prestataire — tout ou rien",
          description:
            "L'agent d'un prestataire ne peut modifier que `vendorReference`, pendant que le ticket l'attend ; tout autre champ lui est refusé (403).",
          requestParams: { path: reference },
          requestBody: json(patchTicketSchema),
          responses: {
            "200": { description: "Le ticket modifié", ...json(ticketSchema) },
            "400": problem("Champs invalides"),
            "403": problem("Réservé aux équipes de support"),
            "404": problem("Introuvable ou non visible"),
            "409": problem("Changement de statut interdit par le cycle de vie"),
            "422": problem("Équipe, technicien, catégorie ou équipement impossible"),
            ...common,
          },
        },
      },
      "/tickets/{reference}/escalations": {
        post: {
          summary: "Escalader vers un prestataire, un expert (ou le chef de secteur) ou l'Académie, avec un motif",
          description:
            "Vers un prestataire : il lit le journal public, le motif, et les notes internes (`sharedEventIds`) et fichiers (`sharedAttachmentIds`) partagés ; rien d'autre.",
          requestParams: { path: reference },
          requestBody: json(escalationSchema),
          responses: {
            "201": { description: "Le ticket escaladé", ...json(ticketSchema) },
            "400": problem("Champs invalides"),
            "403": problem("Réservé aux équipes de support"),
            "404": problem("Introuvable ou non visible"),
            "409": problem("Statut incompatible"),
            "422": problem("Équipe ou prestataire impossible"),
            ...common,
          },
        },
      },
      "/tickets/{reference}/hand-back": {
        post: {
          summary:
            "Rendre un ticket à l'équipe de la Région avec son rapport (agent du prestataire, pendant que le ticket l'attend) : l'attente du prestataire prend fin, la Région résout",
          requestParams: { path: reference },
          requestBody: json(handBackSchema),
          responses: {
            "200": { description: "Le ticket rendu", ...json(ticketSchema) },
            "400": problem("Champs invalides"),
            "403": problem("Réservé au prestataire pendant son intervention"),
            "404": problem("Introuvable ou non visible"),
            ...common,
          },
        },
      },
      "/categories/{code}/approval": {
        put: {
          summary:
            "Qui valide les tickets d'une catégorie avant leur aiguillage, niveau par niveau (administrateurs) ; les tickets déjà déposés gardent leurs niveaux",
          requestParams: { path: z.object({ code: categoryCode.meta({ example: "SEC-FILTRAGE" }) }) },
          requestBody: json(categoryApprovalSchema),
          responses: {
            "200": { description: "La validation de la catégorie", ...json(categoryApprovalJsonSchema) },
            "400": problem("Champs invalides"),
            "403": problem("Réservé aux administrateurs"),
            "404": problem("Catégorie inconnue"),
            ...common,
          },
        },
      },
      "/tickets/{reference}/approval": {
        post: {
          summary:
            "Valider ou refuser un ticket en attente de validation (chef d'établissement ou délégataire, secrétaire général, chef de secteur de la zone, selon la catégorie) ; validé au dernier niveau, il est aiguillé et ses délais démarrent ; refusé, il est annulé et le demandeur reçoit le motif",
          requestParams: { path: reference },
          requestBody: json(approvalDecisionSchema),
          responses: {
            "200": { description: "Le ticket, avec sa validation (approval)", ...json(ticketSchema) },
            "400": problem("Champs invalides"),
            "403": problem("L'appelant ne valide rien pour cet établissement (le demandeur non plus)"),
            "404": problem("Introuvable ou non visible"),
            "409": problem("Le ticket n'attend pas de validation, ou pas à un niveau que l'appelant valide"),
            "422": problem("Refus sans motif"),
            ...common,
          },
        },
      },
      "/queues/{queue}": {
        get: {
          summary: "Une file de l'espace technicien : code d'équipe, « mine » ou « unassigned » (tickets ouverts sauf statut demandé)",
          requestParams: { path: z.object({ queue: z.string().meta({ example: "PROX-OUEST" }) }), query: queueQuery },
          responses: {
            "200": { description: "Une page", ...json(ticketPageSchema) },
            "400": problem("Filtre invalide"),
            "403": problem("Réservé aux équipes de support"),
            "404": problem("Équipe inconnue"),
            ...common,
          },
        },
      },
      "/queues/at-risk": {
        get: {
          summary:
            "La file « À risque » : tickets ouverts visibles dont un délai est à risque (75 % consommés) ou dépassé, l'échéance de résolution la plus proche d'abord (tri due_asc par défaut)",
          requestParams: { query: queueQuery },
          responses: {
            "200": { description: "Une page", ...json(ticketPageSchema) },
            "400": problem("Filtre invalide"),
            "403": problem("Réservé aux équipes de support"),
            ...common,
          },
        },
      },
      "/tickets/{reference}/comments": {
        post: {
          summary: "Répondre sur un ticket",
          requestParams: { path: reference, header: idempotencyHeader },
          requestBody: json(addCommentSchema),
          description:
            "L'agent d'un prestataire écrit à l'équipe de la Région (`visibility: internal`), pendant que le ticket l'attend ; une réponse publique lui est refusée (403).",
          responses: {
            "201": { description: "Message ajouté", ...json(commentCreatedSchema) },
            "400": problem("Champs invalides"),
            "403": problem("Note interne refusée"),
            "404": problem("Introuvable ou non visible"),
            "409": problem("Ticket clos"),
            "422": problem("Clé d'idempotence déjà utilisée pour une autre requête"),
            ...common,
          },
        },
      },
      "/dashboards/establishments/{uai}": {
        get: {
          summary:
            "Tableau de bord d'un établissement sur une période : tickets ouverts, flux, délais en minutes ouvrées (médiane, 90e centile), respect des SLA, satisfaction, équipements",
          requestParams: { path: z.object({ uai: z.string().meta({ example: "0370037P" }) }), query: dashboardApiQuery },
          responses: {
            "200": { description: "Les indicateurs", ...json(establishmentDashboardSchema) },
            "400": problem("Période invalide"),
            "403": problem("Réservé aux chefs d'établissement, chefs de secteur et de service, administrateurs"),
            "404": problem("Établissement inconnu ou hors de votre périmètre"),
            ...common,
          },
        },
      },
      "/dashboards/zones/{code}": {
        get: {
          summary: "Vue régionale d'une zone : mêmes indicateurs, puis par équipe, par établissement et par prestataire",
          requestParams: { path: z.object({ code: z.string().meta({ example: "OUEST" }) }), query: dashboardApiQuery },
          responses: {
            "200": { description: "Les indicateurs", ...json(zoneDashboardSchema) },
            "400": problem("Période invalide"),
            "403": problem("Réservé aux chefs de secteur et de service, administrateurs"),
            "404": problem("Zone inconnue ou hors de votre périmètre"),
            ...common,
          },
        },
      },
      "/routing/test": {
        post: {
          summary: "Tester l'aiguillage : quelle règle prendrait un ticket imaginaire, et pourquoi (rien n'est enregistré)",
          requestBody: json(routingTestSchema),
          responses: {
            "200": { description: "La décision et la trace des règles examinées", ...json(routingTestResultSchema) },
            "400": problem("Champs invalides"),
            "403": problem("Réservé aux administrateurs et aux équipes de support"),
            "422": problem("UAI, service ou catégorie inconnu, ou type contraire à la catégorie"),
            ...common,
          },
        },
      },
    },
  });
}
