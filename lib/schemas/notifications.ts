import { z } from "zod";
import { DELIVERIES, STAFF_NOTIFICATION_KINDS } from "@/lib/domain/staff-notifications";
import { cursorParam } from "./cursor";

/** The sort key of the last notification shown: its instant as PostgreSQL writes it (microseconds kept) and its id. */
export const notificationCursorSchema = z.object({
  at: z.string().regex(/^\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}:\d{2}(\.\d{1,6})?([+-]\d{2}(:\d{2})?|Z)$/),
  id: z.uuid(),
});
export type NotificationCursor = z.infer<typeof notificationCursorSchema>;

/** GET /api/v1/me/notifications and the /notifications page: newest first, `unread=true` for the unread only. */
export const notificationsQuery = z.object({
  unread: z
    .enum(["true", "false"], { error: "notifications.errors.unread" })
    .optional()
    .transform((value) => value === "true"),
  cursor: cursorParam(notificationCursorSchema).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
});
export type NotificationsQuery = z.infer<typeof notificationsQuery>;

/** POST /api/v1/me/notifications/read: the ids to mark read, or none for all. */
export const markReadSchema = z
  .object({
    ids: z
      .array(z.uuid({ error: "notifications.errors.id" }))
      .max(500, { error: "notifications.errors.tooMany" })
      .optional(),
  })
  .strict();

/** A choice on /mon-compte: a delivery, or `default` (no row: the rule's default). */
export const PREFERENCE_CHOICES = ["default", ...DELIVERIES] as const;
export type PreferenceChoice = (typeof PREFERENCE_CHOICES)[number];

/** The /mon-compte form: one choice per kind. */
export const preferencesSchema = z.object(
  Object.fromEntries(
    STAFF_NOTIFICATION_KINDS.map((kind) => [kind, z.enum(PREFERENCE_CHOICES, { error: "notifications.errors.delivery" })]),
  ) as Record<(typeof STAFF_NOTIFICATION_KINDS)[number], z.ZodEnum<{ [Key in PreferenceChoice]: Key }>>,
);

export const notificationSchema = z.object({
  id: z.uuid(),
  kind: z.enum(STAFF_NOTIFICATION_KINDS),
  ticket: z.object({ reference: z.string(), title: z.string() }),
  delivery: z.enum(DELIVERIES).meta({ description: "L'e-mail qui l'accompagne : à chaque fois, dans le résumé de 12 h ou 17 h, aucun" }),
  createdAt: z.iso.datetime(),
  readAt: z.iso.datetime().nullable(),
});
export type NotificationJson = z.infer<typeof notificationSchema>;

export const notificationPageSchema = z.object({
  items: z.array(notificationSchema),
  unreadCount: z.number().int(),
  nextCursor: z.string().nullable().meta({ description: "À passer en `cursor` pour la page suivante ; null : dernière page" }),
});

export const markedReadSchema = z.object({ marked: z.number().int(), unreadCount: z.number().int() });
