import { z } from "zod";
import { ONBOARDING_STATES, PARTIES, SUPPORT_MODES } from "@/lib/domain/vocabulary";
import { cursorParam } from "./cursor";
import { checkedUai, optionalText } from "./primitives";

/** Schools, teams, vendors, zones and onboarding: the admin forms and the API bodies, with their French messages. */

/** A required text; its messages name the field (`establishments.errors.required.name`: "Nom obligatoire."). */
const text = (field: "name" | "type" | "city" | "room", max = 200) =>
  z
    .string({ error: `establishments.errors.required.${field}` })
    .trim()
    .min(1, `establishments.errors.required.${field}`)
    .max(max, `establishments.errors.tooLong.${field}`);

const supportMode = z.enum(SUPPORT_MODES, { error: "establishments.errors.unknownSupportMode" });
const onboardingState = z.enum(ONBOARDING_STATES, { error: "establishments.errors.unknownOnboardingState" });
const zoneCode = z
  .string({ error: "establishments.errors.zoneRequired" })
  .trim()
  .toUpperCase()
  .min(1, "establishments.errors.zoneRequired")
  .max(50);
const departement = z
  .string({ error: "establishments.errors.departmentRequired" })
  .trim()
  .toUpperCase()
  .regex(/^(\d{2,3}|2[AB])$/, "establishments.errors.departmentFormat");

export const roomModeSchema = z.object({ room: text("room", 50), supportMode });
export type RoomModeInput = z.infer<typeof roomModeSchema>;

const establishmentFields = {
  name: text("name"),
  type: text("type", 50),
  city: text("city", 100),
  departement,
  zone: zoneCode,
  supportMode: supportMode.default("normal"),
  onboardingState: onboardingState.default("a_integrer"),
};

export const createEstablishmentSchema = z.object({ uai: checkedUai, ...establishmentFields });
export type CreateEstablishmentInput = z.infer<typeof createEstablishmentSchema>;

/** PATCH: only the fields sent change; `rooms` replaces the rooms declared in another mode. */
export const patchEstablishmentSchema = z
  .object({
    name: establishmentFields.name,
    type: establishmentFields.type,
    city: establishmentFields.city,
    departement,
    zone: zoneCode,
    supportMode,
    onboardingState,
    rooms: z.array(roomModeSchema).max(200, "establishments.errors.max200Rooms"),
  })
  .partial()
  .strict();
export type PatchEstablishmentInput = z.infer<typeof patchEstablishmentSchema>;

export const roomFormSchema = z.object({ uai: checkedUai, room: text("room", 50), supportMode });
export const removeRoomFormSchema = z.object({ uai: checkedUai, room: text("room", 50) });

export const ONBOARDING_MEETINGS = ["rdv1", "rdv2", "rdv3", "rdv4"] as const;
const isoDate = (field: "plannedOn" | "heldOn") =>
  z
    .union([z.literal("").transform(() => null), z.iso.date({ error: `establishments.errors.date.${field}` })])
    .nullable()
    .optional();

export const onboardingMeetingSchema = z.object({
  uai: checkedUai,
  meeting: z.enum(ONBOARDING_MEETINGS, { error: "establishments.errors.unknownMeeting" }),
  plannedOn: isoDate("plannedOn"),
  heldOn: isoDate("heldOn"),
  notes: optionalText(5000),
});
export type OnboardingMeetingInput = z.infer<typeof onboardingMeetingSchema>;

/** The fields posted with an onboarding document (the file itself is read from the form). */
export const onboardingDocumentFormSchema = onboardingMeetingSchema.pick({ uai: true, meeting: true });
export type OnboardingDocumentInput = z.infer<typeof onboardingDocumentFormSchema>;
export const deleteOnboardingDocumentFormSchema = z.object({
  uai: checkedUai,
  id: z.uuid({ error: "establishments.errors.unknownDocument" }),
});

const email = z
  .string({ error: "establishments.errors.addressRequired" })
  .trim()
  .toLowerCase()
  .pipe(z.email({ error: "establishments.errors.invalidEmail" }));
const booleanish = z.union([z.boolean(), z.enum(["true", "false", "on"]).transform((value) => value !== "false")]);

/** A team member, named by the e-mail of their account; `primary` makes this team their main one. */
export const teamMemberSchema = z.object({ email, primary: booleanish.default(false) });
export type TeamMemberInput = z.infer<typeof teamMemberSchema>;

const teamCode = z
  .string({ error: "establishments.errors.codeRequired" })
  .trim()
  .toUpperCase()
  .regex(/^[A-Z0-9][A-Z0-9_-]{1,39}$/, "establishments.errors.teamCodeFormat");
const party = z.enum(PARTIES, { error: "forms.errors.unknownPart" });
const optionalZone = z
  .string()
  .trim()
  .toUpperCase()
  .max(50)
  .transform((value) => value || null)
  .nullable()
  .optional();
const members = z
  .array(teamMemberSchema)
  .max(500, "establishments.errors.max500Members")
  .superRefine((list, ctx) => {
    if (new Set(list.map((member) => member.email)).size !== list.length)
      ctx.addIssue({ code: "custom", message: "establishments.errors.personTwice" });
  });

export const createTeamSchema = z.object({ code: teamCode, name: text("name"), party, zone: optionalZone, members: members.default([]) });
export type CreateTeamInput = z.infer<typeof createTeamSchema>;

/** PATCH: `members`, when sent, is the whole list. */
export const patchTeamSchema = z
  .object({ name: text("name"), party, zone: optionalZone, members })
  .partial()
  .strict();
export type PatchTeamInput = z.infer<typeof patchTeamSchema>;

export const teamCodeParam = teamCode;

/** GET /api/v1/teams and /admin/equipes: a part of the code or name, keyset pages by code (the last row's code). */
export const listTeamsQuery = z.object({
  q: z.string().trim().max(100).optional(),
  cursor: cursorParam(z.object({ code: z.string() })).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
});
export const editTeamFormSchema = z.object({ code: teamCode, name: text("name"), party, zone: optionalZone });
export const teamMemberFormSchema = z.object({ code: teamCode, email, primary: booleanish.default(false) });
export const removeTeamMemberFormSchema = z.object({ code: teamCode, email });

export const vendorFormSchema = z.object({
  /** Empty on creation. */
  id: z.union([z.literal("").transform(() => null), z.uuid()]).optional(),
  name: text("name"),
  contractReference: optionalText(100),
  contactEmail: z
    .union([z.literal("").transform(() => null), email])
    .nullable()
    .optional(),
});
export type VendorInput = z.infer<typeof vendorFormSchema>;

export const zoneFormSchema = z.object({
  code: z
    .string({ error: "establishments.errors.codeRequired" })
    .trim()
    .toUpperCase()
    .regex(/^[A-Z0-9-]{2,20}$/, "establishments.errors.zoneCodeFormat"),
  name: text("name", 100),
  /** Comma or space separated. */
  departements: z
    .string()
    .default("")
    .transform((value) =>
      value
        .split(/[\s,;]+/)
        .map((item) => item.trim().toUpperCase())
        .filter(Boolean),
    )
    .pipe(z.array(z.string().regex(/^(\d{2,3}|2[AB])$/, "establishments.errors.departmentsFormat")).max(20)),
});
export type ZoneInput = z.infer<typeof zoneFormSchema>;
