import { z } from "zod";

export const createTokenSchema = z.object({
  email: z.email({ error: "Adresse e-mail invalide" }),
  password: z.string({ error: "Mot de passe requis" }).min(1, "Mot de passe requis"),
});
