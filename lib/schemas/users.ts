import { z } from "zod";
import { cursorParam } from "./cursor";

export const setAccountDisabledSchema = z.object({
  userId: z.uuid(),
  disabled: z.enum(["true", "false"]).transform((value) => value === "true"),
});

export const userCursorSchema = z.object({ name: z.string(), id: z.uuid() });

export const listUsersQuery = z.object({
  cursor: cursorParam(userCursorSchema).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
});
