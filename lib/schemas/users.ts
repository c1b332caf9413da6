import { z } from "zod";
import { ROLES } from "@/lib/domain/vocabulary";
import { cursorParam } from "./cursor";

export const setAccountDisabledSchema = z.object({
  userId: z.uuid(),
  disabled: z.enum(["true", "false"]).transform((value) => value === "true"),
});

export const userCursorSchema = z.object({ name: z.string(), id: z.uuid() });

const booleanParam = z.enum(["true", "false"]).transform((value) => value === "true");
const optionalText = z
  .string()
  .trim()
  .max(200)
  .optional()
  .transform((value) => value || undefined);

/** GET /api/v1/users and /admin/utilisateurs: text, role, school (UAI), zone (code), team (code), disabled. */
export const listUsersQuery = z.object({
  q: optionalText.meta({ description: "Une partie du nom ou de l'e-mail" }),
  role: z
    .enum(ROLES)
    .or(z.literal("").transform(() => undefined))
    .optional(),
  establishment: optionalText.meta({ description: "UAI" }),
  zone: optionalText.meta({ description: "Code de zone" }),
  team: optionalText.meta({ description: "Code d'équipe" }),
  disabled: booleanParam.or(z.literal("").transform(() => undefined)).optional(),
  cursor: cursorParam(userCursorSchema).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
});
export type ListUsersQuery = z.infer<typeof listUsersQuery>;

const name = z.string().trim().min(1, "users.errors.nameRequired").max(200);
const phone = z
  .string()
  .trim()
  .max(40)
  .nullable()
  .transform((value) => value || null);
const email = z
  .email("users.errors.invalidEmail")
  .max(254)
  .transform((value) => value.trim().toLowerCase());
const functionCode = z.string().trim().min(1).max(60).nullable();
const codes = z
  .array(z.string().trim().min(1).max(60))
  .max(50)
  .transform((list) => [...new Set(list)]);

/** An account as the API writes it. Teams: the first is the person's primary team. */
const accountFields = {
  name,
  phone: phone.optional(),
  role: z.enum(ROLES),
  function: functionCode.optional(),
  establishments: codes.optional(),
  teams: codes.optional(),
};

export const createUserSchema = z.strictObject({ email, ...accountFields });
export const patchUserSchema = z.strictObject({
  ...accountFields,
  name: name.optional(),
  role: z.enum(ROLES).optional(),
  disabled: z.boolean().optional(),
});
export type CreateUserInput = z.infer<typeof createUserSchema>;
export type PatchUserInput = z.infer<typeof patchUserSchema>;

/** A form's list of codes typed in one field, separated by commas, semicolons or spaces. */
const codeList = z
  .string()
  .optional()
  .transform((value) =>
    (value ?? "")
      .split(/[\s,;]+/)
      .map((code) => code.trim())
      .filter(Boolean),
  )
  .pipe(codes);
const formNullable = (schema: z.ZodType<string | null, string | null>) =>
  z
    .string()
    .optional()
    .transform((value) => value?.trim() || null)
    .pipe(schema);

/** The admin's account form: the API's fields as a form sends them. */
export const accountFormSchema = z.object({
  userId: z.uuid().optional(),
  email: email.optional(),
  name,
  phone: formNullable(phone),
  role: z.enum(ROLES),
  function: formNullable(functionCode),
  establishments: codeList,
  teams: codeList,
});

/** A head's forms on "Mon établissement". */
export const inviteStaffSchema = z.object({
  establishment: z.string().trim().min(1).max(20),
  email,
  name,
  role: z.enum(["requester", "manager"]),
  function: formNullable(functionCode),
});
export const setStaffFunctionSchema = z.object({ userId: z.uuid(), function: formNullable(functionCode) });
export const removeStaffSchema = z.object({
  userId: z.uuid(),
  establishmentId: z.uuid(),
  successorId: z
    .string()
    .optional()
    .transform((value) => value || null)
    .pipe(z.uuid().nullable()),
});

/** Choosing a password (invitation, reset, "Mon compte"): the same twice. */
export const choosePasswordSchema = z
  .object({
    password: z.string().max(1000),
    confirmation: z.string().max(1000),
  })
  .refine((value) => value.password === value.confirmation, { path: ["confirmation"], message: "users.errors.passwordsDiffer" });

export const resetRequestSchema = z.object({ email: z.string().trim().toLowerCase().max(254).pipe(z.email("users.errors.invalidEmail")) });

export const ownProfileSchema = z.object({
  name,
  phone: formNullable(phone),
  notificationEmail: formNullable(z.email("users.errors.invalidEmail").max(254).nullable()),
});

/** An account as the API answers it (see accountJson). */
export const userSchema = z
  .object({
    id: z.uuid(),
    email: z.email(),
    name: z.string(),
    phone: z.string().nullable(),
    role: z.enum(ROLES),
    function: z.string().nullable().meta({ description: "Code de la fonction (staff_functions), ex. « csl », « chef_etablissement »" }),
    establishments: z.array(z.string()).meta({ description: "UAI des établissements (personnel d'établissement)" }),
    teams: z.array(z.string()).meta({ description: "Codes des équipes, l'équipe principale en premier" }),
    disabled: z.boolean(),
  })
  .meta({ id: "User" });
export const userPageSchema = z.object({ items: z.array(userSchema), nextCursor: z.string().nullable() }).meta({ id: "UserPage" });
