import { z } from "zod";
import { ANNOUNCEMENT_KINDS } from "@/lib/domain/announcements";
import { parisLocalTime } from "./paris-time";
import { blankToUndefined, checkedUai } from "./primitives";

/** An announcement the Région or the Académie publishes (POST /api/v1/announcements); messages are catalogue keys. */
const instant = z.iso
  .datetime({ offset: true, error: "announcements.errors.dateTime" })
  .transform((value) => new Date(value))
  .meta({ description: "Date et heure ISO 8601 avec fuseau", example: "2027-03-01T08:00:00+01:00" });
const code = z
  .string({ error: "announcements.errors.code" })
  .trim()
  .min(1, "announcements.errors.code")
  .max(40, "announcements.errors.code")
  .toUpperCase();
const majorTicket = z
  .string({ error: "desk.errors.referenceFormat" })
  .trim()
  .toUpperCase()
  .regex(/^GU-\d{4}-\d{6}$/, "desk.errors.referenceFormat");

/** The fields of an announcement, its two moments parsed by `moment` (ISO with offset for the API, Paris time for the form). */
function announcementFields(moment: z.ZodType<Date, string>) {
  return z
    .object({
      title: z
        .string({ error: "announcements.errors.title" })
        .trim()
        .min(1, "announcements.errors.title")
        .max(160, "announcements.errors.titleTooLong"),
      body: z
        .string({ error: "announcements.errors.body" })
        .trim()
        .min(1, "announcements.errors.body")
        .max(5000, "announcements.errors.bodyTooLong"),
      kind: z.enum(ANNOUNCEMENT_KINDS, { error: "announcements.errors.kind" }),
      startsAt: moment,
      endsAt: moment,
      zones: z.array(code).max(20).default([]).meta({ description: "Codes des zones concernées ; vide : toutes" }),
      establishments: z.array(checkedUai).max(500).default([]).meta({ description: "UAI des établissements concernés ; vide : tous" }),
      services: z.array(code).max(50).default([]).meta({ description: "Codes des services concernés ; vide : tous" }),
      majorTicket: majorTicket.optional().meta({
        description: "Référence du ticket d'incident majeur derrière une panne : le résoudre résout les tickets qu'il regroupe",
      }),
    })
    .refine((value) => value.endsAt.getTime() > value.startsAt.getTime(), {
      path: ["endsAt"],
      message: "announcements.errors.endBeforeStart",
      // Whatever else is wrong, as long as both dates parsed.
      when: ({ value }) => {
        const times = value as { startsAt?: unknown; endsAt?: unknown };
        return times.startsAt instanceof Date && times.endsAt instanceof Date;
      },
    });
}

export const publishAnnouncementSchema = announcementFields(instant);
export type PublishAnnouncementInput = z.infer<typeof publishAnnouncementSchema>;

/** `?active=true`: only those on now; any other value is refused. */
export const announcementListQuerySchema = z.object({
  active: z.literal("true", { error: "announcements.errors.active" }).optional(),
});

export const announcementSchema = z.object({
  id: z.uuid(),
  title: z.string(),
  body: z.string(),
  kind: z.enum(ANNOUNCEMENT_KINDS),
  startsAt: z.iso.datetime(),
  endsAt: z.iso.datetime(),
  zones: z.array(z.string()),
  establishments: z.array(z.string()),
  services: z.array(z.string()),
  majorTicket: z.string().nullable().meta({ description: "Référence du ticket d'incident majeur, s'il y en a un" }),
  createdAt: z.iso.datetime(),
});
export const announcementListSchema = z.object({ items: z.array(announcementSchema) });
export const affectedSchema = z.object({
  announcementId: z.uuid(),
  establishment: z.string().meta({ description: "UAI de l'établissement rattaché" }),
  created: z.boolean().meta({ description: "false quand l'établissement était déjà rattaché" }),
});
/** POST /api/v1/announcements/{id}/affected: which of the caller's schools, needed only when several are concerned. */
export const reportAffectedSchema = z.object({
  establishment: checkedUai.optional().meta({ description: "UAI de l'établissement concerné, si l'appelant en a plusieurs" }),
});

/** The "Mon établissement est concerné" button of a banner. */
export const reportAffectedForm = z.object({ announcementId: z.uuid(), establishment: checkedUai.optional() });

/** The status page's publishing form: Paris times from `datetime-local` inputs, the lists typed as text (commas or spaces). */
const typedList = (value: unknown) => (typeof value === "string" ? value.split(/[\s,;]+/).filter(Boolean) : value);
export const publishAnnouncementForm = z.preprocess(
  (value) => {
    const form = value as Record<string, unknown>;
    return {
      ...form,
      zones: typedList(form.zones),
      establishments: typedList(form.establishments),
      services: typedList(form.services),
      majorTicket: blankToUndefined(form.majorTicket),
    };
  },
  announcementFields(parisLocalTime("announcements.errors.dateTime")),
);
