import { z } from "zod";
import { ONBOARDING_STATES, PARTIES, SUPPORT_MODES } from "@/lib/domain/vocabulary";
import { checkedUai, optionalText } from "./primitives";

/** Schools, teams, vendors, zones and onboarding: the admin forms and the API bodies, with their French messages. */

const text = (what: string, max = 200) =>
  z.string({ error: `${what} obligatoire.` }).trim().min(1, `${what} obligatoire.`).max(max, `${what} : ${max} caractères au plus.`);

const supportMode = z.enum(SUPPORT_MODES, { error: "Mode de support inconnu." });
const onboardingState = z.enum(ONBOARDING_STATES, { error: "État d'intégration inconnu." });
const zoneCode = z.string({ error: "Zone obligatoire." }).trim().toUpperCase().min(1, "Zone obligatoire.").max(50);
const departement = z.string({ error: "Département obligatoire." }).trim().toUpperCase()
  .regex(/^(\d{2,3}|2[AB])$/, "Département : son numéro (37, 2A, 974).");

export const roomModeSchema = z.object({ room: text("Salle", 50), supportMode });
export type RoomModeInput = z.infer<typeof roomModeSchema>;

const establishmentFields = {
  name: text("Nom"),
  type: text("Type", 50),
  city: text("Commune", 100),
  departement,
  zone: zoneCode,
  supportMode: supportMode.default("normal"),
  onboardingState: onboardingState.default("a_integrer"),
};

export const createEstablishmentSchema = z.object({ uai: checkedUai, ...establishmentFields });
export type CreateEstablishmentInput = z.infer<typeof createEstablishmentSchema>;

/** PATCH: only the fields sent change; `rooms` replaces the rooms declared in another mode. */
export const patchEstablishmentSchema = z.object({
  name: establishmentFields.name, type: establishmentFields.type, city: establishmentFields.city, departement, zone: zoneCode,
  supportMode, onboardingState,
  rooms: z.array(roomModeSchema).max(200, "200 salles au plus."),
}).partial().strict();
export type PatchEstablishmentInput = z.infer<typeof patchEstablishmentSchema>;

export const roomFormSchema = z.object({ uai: checkedUai, room: text("Salle", 50), supportMode });
export const removeRoomFormSchema = z.object({ uai: checkedUai, room: text("Salle", 50) });

export const ONBOARDING_MEETINGS = ["rdv1", "rdv2", "rdv3", "rdv4"] as const;
const isoDate = (what: string) => z.union([z.literal("").transform(() => null), z.iso.date({ error: `${what} : date attendue (AAAA-MM-JJ).` })]).nullable().optional();

export const onboardingMeetingSchema = z.object({
  uai: checkedUai,
  meeting: z.enum(ONBOARDING_MEETINGS, { error: "Rendez-vous inconnu." }),
  plannedOn: isoDate("Date prévue"),
  heldOn: isoDate("Date tenue"),
  notes: optionalText(5000),
});
export type OnboardingMeetingInput = z.infer<typeof onboardingMeetingSchema>;

/** The fields posted with an onboarding document (the file itself is read from the form). */
export const onboardingDocumentFormSchema = onboardingMeetingSchema.pick({ uai: true, meeting: true });
export type OnboardingDocumentInput = z.infer<typeof onboardingDocumentFormSchema>;
export const deleteOnboardingDocumentFormSchema = z.object({ uai: checkedUai, id: z.uuid({ error: "Document inconnu." }) });

const email = z.string({ error: "Adresse obligatoire." }).trim().toLowerCase().pipe(z.email({ error: "Adresse électronique invalide." }));
const booleanish = z.union([z.boolean(), z.enum(["true", "false", "on"]).transform((value) => value !== "false")]);

/** A team member, named by the e-mail of their account; `primary` makes this team their main one. */
export const teamMemberSchema = z.object({ email, primary: booleanish.default(false) });
export type TeamMemberInput = z.infer<typeof teamMemberSchema>;

const teamCode = z.string({ error: "Code obligatoire." }).trim().toUpperCase()
  .regex(/^[A-Z0-9][A-Z0-9_-]{1,39}$/, "Code : 2 à 40 lettres, chiffres, tirets (par exemple PROX-OUEST).");
const party = z.enum(PARTIES, { error: "Partie inconnue." });
const optionalZone = z.string().trim().toUpperCase().max(50).transform((value) => value || null).nullable().optional();
const members = z.array(teamMemberSchema).max(500, "500 membres au plus.").superRefine((list, ctx) => {
  if (new Set(list.map((member) => member.email)).size !== list.length) ctx.addIssue({ code: "custom", message: "Chaque personne une seule fois." });
});

export const createTeamSchema = z.object({ code: teamCode, name: text("Nom"), party, zone: optionalZone, members: members.default([]) });
export type CreateTeamInput = z.infer<typeof createTeamSchema>;

/** PATCH: `members`, when sent, is the whole list. */
export const patchTeamSchema = z.object({ name: text("Nom"), party, zone: optionalZone, members }).partial().strict();
export type PatchTeamInput = z.infer<typeof patchTeamSchema>;

export const teamCodeParam = teamCode;
export const editTeamFormSchema = z.object({ code: teamCode, name: text("Nom"), party, zone: optionalZone });
export const teamMemberFormSchema = z.object({ code: teamCode, email, primary: booleanish.default(false) });
export const removeTeamMemberFormSchema = z.object({ code: teamCode, email });

export const vendorFormSchema = z.object({
  /** Empty on creation. */
  id: z.union([z.literal("").transform(() => null), z.uuid()]).optional(),
  name: text("Nom"),
  contractReference: optionalText(100),
  contactEmail: z.union([z.literal("").transform(() => null), email]).nullable().optional(),
});
export type VendorInput = z.infer<typeof vendorFormSchema>;

export const zoneFormSchema = z.object({
  code: z.string({ error: "Code obligatoire." }).trim().toUpperCase().regex(/^[A-Z0-9-]{2,20}$/, "Code : 2 à 20 lettres, chiffres ou tirets."),
  name: text("Nom", 100),
  /** Comma or space separated. */
  departements: z.string().default("").transform((value) => value.split(/[\s,;]+/).map((item) => item.trim().toUpperCase()).filter(Boolean))
    .pipe(z.array(z.string().regex(/^(\d{2,3}|2[AB])$/, "Départements : leurs numéros, séparés par des virgules.")).max(20)),
});
export type ZoneInput = z.infer<typeof zoneFormSchema>;
