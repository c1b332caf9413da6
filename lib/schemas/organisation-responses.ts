import { z } from "zod";
import { ONBOARDING_STATES, PARTIES, SUPPORT_MODES, ROLES } from "@/lib/domain/vocabulary";
import { ONBOARDING_MEETINGS } from "./organisation";

/** What /api/v1/establishments/{uai} and /api/v1/teams answer (documented in openapi.json). */

const person = z.object({ name: z.string(), email: z.string(), phone: z.string().nullable() });

export const establishmentSchema = z
  .object({
    uai: z.string(),
    name: z.string(),
    type: z.string(),
    city: z.string(),
    departement: z.string(),
    zone: z.object({ code: z.string(), name: z.string() }),
    supportMode: z.enum(SUPPORT_MODES),
    rooms: z
      .array(z.object({ room: z.string(), supportMode: z.enum(SUPPORT_MODES) }))
      .meta({ description: "Salles dans un autre mode que l'établissement" }),
    onboardingState: z.enum(ONBOARDING_STATES),
    onboardingMeetings: z.array(
      z.object({
        meeting: z.enum(ONBOARDING_MEETINGS),
        plannedOn: z.iso.date().nullable(),
        heldOn: z.iso.date().nullable(),
        notes: z.string().nullable(),
      }),
    ),
    contacts: z
      .array(person.extend({ role: z.enum(ROLES), function: z.string().nullable() }))
      .meta({ description: "Personnels de l'établissement, par fonction" }),
    sectorLeads: z.array(person).meta({ description: "Chef(s) de secteur de la zone" }),
    updatedAt: z.iso.datetime(),
    updatedBy: z.string().nullable(),
  })
  .meta({ id: "Establishment" });
export type EstablishmentJson = z.infer<typeof establishmentSchema>;

export const teamSchema = z
  .object({
    code: z.string(),
    name: z.string(),
    party: z.enum(PARTIES),
    zone: z.string().nullable(),
    members: z.array(
      z.object({ email: z.string(), name: z.string(), primary: z.boolean().meta({ description: "Équipe principale de la personne" }) }),
    ),
  })
  .meta({ id: "Team" });
export type TeamJson = z.infer<typeof teamSchema>;

export const teamPageSchema = z
  .object({
    items: z.array(teamSchema),
    nextCursor: z.string().nullable().meta({ description: "À passer en `cursor` pour la page suivante ; null : dernière page" }),
  })
  .meta({ id: "TeamPage" });
export type TeamPageJson = z.infer<typeof teamPageSchema>;
