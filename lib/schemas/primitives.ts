import { z } from "zod";
import { normalizeUai, uaiProblem, UAI_SHAPE } from "@/lib/domain/uai";

/** The small pieces the schemas share, written once. */

/** A form's empty field (a GET form and an untouched input send "") counts as absent. */
export const blankToUndefined = (value: unknown) => (typeof value === "string" && value.trim() === "" ? undefined : value);

/** A repeated form field as a list: absent is none, one value is a list of one. */
export const asList = (value: unknown) => (value === undefined ? [] : Array.isArray(value) ? value : [value]);

/** An optional free text of at most `max` characters; empty (a form's untouched field) is null, "no value". */
export const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, "forms.errors.maxChars")
    .transform((value) => value || null)
    .nullable()
    .optional();

/** A code given in any case (zone, team, service), compared in capitals. */
export const upperCode = z.string().trim().toUpperCase();

/**
 * A UAI naming a school to find: any case, seven digits and a letter. The check letter is not checked here:
 * an unknown school is the service's answer (not found), whatever its letter.
 */
export const uaiCode = z.string({ error: "forms.errors.uaiRequired" }).trim().toUpperCase().regex(UAI_SHAPE, "forms.errors.invalidUai");

/** A UAI that must be a real one (a new school, a school's own page): the check letter must match the digits. */
export const checkedUai = z
  .string({ error: "forms.errors.uaiRequired" })
  .transform(normalizeUai)
  .superRefine((code, ctx) => {
    const problem = uaiProblem(code);
    if (problem === "format") ctx.addIssue({ code: "custom", message: "establishments.errors.uaiFormat" });
    if (problem === "check_letter") ctx.addIssue({ code: "custom", message: "establishments.errors.uaiCheckLetter" });
  });

/** A ticket's reference, GU-<year>-<six digits> (db/queries/ticket-reference.ts numbers them). */
export const ticketReference = z.string().regex(/^GU-\d{4}-\d{6}$/);
