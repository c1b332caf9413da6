import { z } from "zod";
import { CI_CLASSES, CI_STATUSES } from "@/lib/domain/vocabulary";
import { cursorParam } from "./cursor";

export const ciCursorSchema = z.object({ name: z.string(), id: z.uuid() });

export const listCisQuery = z.object({
  establishment: z.string().trim().toUpperCase().optional(),
  class: z.enum(CI_CLASSES, { error: "Classe inconnue." }).optional(),
  status: z.enum(CI_STATUSES, { error: "Statut inconnu." }).optional(),
  q: z.string().trim().max(100).optional(),
  cursor: cursorParam(ciCursorSchema).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(25),
});
