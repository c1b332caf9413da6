import { z } from "zod";
import { AUDIT_ACTIONS, AUDIT_OBJECT_TYPES } from "@/lib/domain/audit";
import { cursorParam } from "./cursor";

/** The sort key of the last row shown: its instant as PostgreSQL writes it (microseconds kept) and its id. */
export const auditCursorSchema = z.object({
  at: z.string().regex(/^\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}:\d{2}(\.\d{1,6})?([+-]\d{2}(:\d{2})?|Z)$/),
  id: z.string().regex(/^\d{1,19}$/),
});
export type AuditCursor = z.infer<typeof auditCursorSchema>;

const day = (field: "from" | "to") => z.iso.date({ error: `audit.errors.date.${field}` }).optional();

/** The journal's filters: the page's address, the API's query string and the CSV's. Days are Paris days. */
export const auditQuery = z
  .object({
    who: z.string().trim().max(254, "forms.errors.max254").optional().meta({ description: "Une partie de l'e-mail de la personne" }),
    action: z.enum(AUDIT_ACTIONS, { error: "forms.errors.unknownAction" }).optional(),
    objectType: z.enum(AUDIT_OBJECT_TYPES, { error: "audit.errors.unknownObjectType" }).optional(),
    objectId: z.string().trim().max(200, "forms.errors.max200").optional(),
    from: day("from").meta({ description: "Premier jour (heure de Paris), inclus" }),
    to: day("to").meta({ description: "Dernier jour (heure de Paris), inclus" }),
    cursor: cursorParam(auditCursorSchema).optional(),
    limit: z.coerce.number().int().min(1).max(100).default(50),
  })
  .refine((query) => !query.from || !query.to || query.from <= query.to, { path: ["to"], error: "audit.errors.rangeOrder" });
export type AuditQuery = z.infer<typeof auditQuery>;

/** The filters a "next page" link or the CSV carries on. */
export const AUDIT_FILTER_KEYS = ["who", "action", "objectType", "objectId", "from", "to"] as const;

export const auditEventSchema = z
  .object({
    id: z.string().meta({ description: "Identifiant de la ligne" }),
    occurredAt: z.iso.datetime(),
    actor: z.object({
      id: z.uuid().nullable().meta({ description: "Null : tentative anonyme ou le système" }),
      label: z.string().nullable().meta({ description: "L'e-mail au moment des faits" }),
    }),
    ip: z.string().nullable(),
    action: z.enum(AUDIT_ACTIONS),
    objectType: z.enum(AUDIT_OBJECT_TYPES),
    objectId: z.string().nullable(),
    before: z.unknown().meta({ description: "L'objet avant le changement (JSON), null pour une création" }),
    after: z.unknown().meta({ description: "L'objet après le changement (JSON), null pour une suppression" }),
    requestId: z.string().nullable().meta({ description: "x-request-id de la requête, aussi dans les journaux" }),
  })
  .meta({ id: "AuditEvent" });
export type AuditEventJson = z.infer<typeof auditEventSchema>;

export const auditPageSchema = z.object({ items: z.array(auditEventSchema), nextCursor: z.string().nullable() }).meta({ id: "AuditPage" });
