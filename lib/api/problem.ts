import type { ZodError } from "zod";

export type FieldError = { field: string; message: string };

/** An RFC 9457 problem+json response. */
export function problem(
  status: number,
  title: string,
  options: { detail?: string; errors?: FieldError[]; headers?: Record<string, string>; type?: string } = {},
): Response {
  const body = {
    type: options.type ?? "about:blank",
    title,
    status,
    ...(options.detail ? { detail: options.detail } : {}),
    ...(options.errors ? { errors: options.errors } : {}),
  };
  return new Response(JSON.stringify(body), {
    status,
    headers: { "content-type": "application/problem+json", ...options.headers },
  });
}

export function fieldErrors(error: ZodError): FieldError[] {
  return error.issues.map((issue) => ({ field: issue.path.join(".") || "(body)", message: issue.message }));
}

export const invalidRequest = (error: ZodError) =>
  problem(400, "Requête invalide", { detail: "Un ou plusieurs champs sont invalides.", errors: fieldErrors(error) });

export const unauthenticated = () =>
  problem(401, "Authentification requise", { detail: "Fournissez un jeton « Authorization: Bearer » ou une session valide.", headers: { "www-authenticate": "Bearer" } });

export const forbidden = () => problem(403, "Accès refusé", { detail: "Votre rôle ne permet pas cette action." });

export const notFound = () => problem(404, "Introuvable");
