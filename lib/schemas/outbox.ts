import { z } from "zod";
import { OUTBOX_STATUSES } from "@/lib/domain/outbox";
import { auditCursorSchema } from "./audit";
import { cursorParam } from "./cursor";

/** /admin/courriels' address: an optional state, keyset pages (the last row's instant as the journal's cursor keeps it, and its id). */
export const outboxQuery = z.object({
  status: z.enum(OUTBOX_STATUSES, { error: "outbox.errors.unknownState" }).optional(),
  cursor: cursorParam(z.object({ at: auditCursorSchema.shape.at, id: z.uuid() })).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
});

/** "Renvoyer": the failed e-mail to send again. */
export const resendEmailSchema = z.object({ id: z.uuid() });
