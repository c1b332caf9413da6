import { z } from "zod";

export const createTokenSchema = z.object({
  email: z.email({ error: "account.errors.invalidEmail" }),
  password: z.string({ error: "account.errors.passwordRequired" }).min(1, "account.errors.passwordRequired"),
});
