import { z } from "zod";
import { cursorParam } from "./cursor";
import { upperCode } from "./primitives";

export const establishmentCursorSchema = z.object({ name: z.string(), id: z.uuid() });

export const listEstablishmentsQuery = z.object({
  zone: upperCode.optional(),
  q: z.string().trim().max(100).optional(),
  cursor: cursorParam(establishmentCursorSchema).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
});
