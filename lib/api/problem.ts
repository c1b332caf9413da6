import type { ZodError } from "zod";
import { translateFieldErrors, translateText, type TextValues } from "@/i18n/text";
import { fieldErrors, type FieldError } from "@/lib/schemas/field-errors";
import type { ServiceFailure } from "@/lib/services/service-result";

/** An RFC 9457 problem+json response; `detail` and the errors' messages may be message keys (translated to French). */
export function problem(
  status: number,
  title: string,
  options: { detail?: string; values?: TextValues; errors?: FieldError[]; headers?: Record<string, string>; type?: string } = {},
): Response {
  const body = {
    type: options.type ?? "about:blank",
    title,
    status,
    ...(options.detail ? { detail: translateText(options.detail, options.values) } : {}),
    ...(options.errors ? { errors: translateFieldErrors(options.errors) } : {}),
  };
  return new Response(JSON.stringify(body), {
    status,
    headers: { "content-type": "application/problem+json", ...options.headers },
  });
}


export const invalidRequest = (error: ZodError) =>
  problem(400, "Requête invalide", { detail: "Un ou plusieurs champs sont invalides.", errors: fieldErrors(error) });

export const unauthenticated = () =>
  problem(401, "Authentification requise", { detail: "Fournissez un jeton « Authorization: Bearer » ou une session valide.", headers: { "www-authenticate": "Bearer" } });

export const forbidden = () => problem(403, "Accès refusé", { detail: "Votre rôle ne permet pas cette action." });

export const notFound = () => problem(404, "Introuvable");

const KILOBYTE = 1024;
const MEGABYTE = 1024 * KILOBYTE;
const sizeLabel = (bytes: number) => (bytes >= MEGABYTE ? `${Math.floor(bytes / MEGABYTE)} Mo` : `${Math.floor(bytes / KILOBYTE)} Ko`);

export const payloadTooLarge = (limitBytes: number) =>
  problem(413, "Requête trop volumineuse", { detail: `Le corps de la requête dépasse ${sizeLabel(limitBytes)}, la limite de cette opération.` });

export const controlCharacterInQuery = (parameter: string) =>
  problem(400, "Requête invalide", {
    detail: `Le paramètre « ${parameter} » de l'adresse contient un caractère de contrôle.`,
    errors: [{ field: parameter, message: "Aucun caractère de contrôle n'est admis (NUL, tabulation, retour à la ligne…)." }],
  });

/** A service's refusal, as the API answers it. */
export function problemFromFailure(failure: ServiceFailure): Response {
  switch (failure.kind) {
    case "invalid":
      return problem(400, "Requête invalide", { detail: failure.message, values: failure.values, errors: failure.errors });
    case "forbidden":
      return problem(403, "Accès refusé", { detail: failure.message, values: failure.values });
    case "not_found":
      return notFound();
    case "conflict":
      return problem(409, "Conflit", { detail: failure.message, values: failure.values });
    case "unprocessable":
      return problem(422, "Demande impossible", { detail: failure.message, values: failure.values, errors: failure.errors });
  }
}
