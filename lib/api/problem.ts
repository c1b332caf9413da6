import type { ZodError } from "zod";
import { translateFieldErrors, translateText, type TextValues } from "@/i18n/text";
import { fieldErrors, type FieldError } from "@/lib/schemas/field-errors";
import type { ServiceFailure } from "@/lib/services/service-result";

/** An RFC 9457 problem+json response; `title`, `detail` and the errors' messages are message keys, answered in French. */
export function problem(
  status: number,
  title: string,
  options: { detail?: string; values?: TextValues; errors?: FieldError[]; headers?: Record<string, string>; type?: string } = {},
): Response {
  const body = {
    type: options.type ?? "about:blank",
    title: translateText(title, undefined),
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
  problem(400, "errors.api.invalid", { detail: "errors.api.invalidFields", errors: fieldErrors(error) });

export const unauthenticated = () =>
  problem(401, "errors.api.unauthenticated", { detail: "errors.api.unauthenticatedDetail", headers: { "www-authenticate": "Bearer" } });

export const forbidden = () => problem(403, "errors.api.forbidden", { detail: "errors.api.forbiddenDetail" });

export const notFound = () => problem(404, "errors.api.notFound");

const KILOBYTE = 1024;
const MEGABYTE = 1024 * KILOBYTE;

export const payloadTooLarge = (limitBytes: number) =>
  problem(413, "errors.api.tooLarge", {
    detail: limitBytes >= MEGABYTE ? "errors.api.tooLargeMegabytes" : "errors.api.tooLargeKilobytes",
    values: { size: Math.floor(limitBytes / (limitBytes >= MEGABYTE ? MEGABYTE : KILOBYTE)) },
  });

export const controlCharacterInQuery = (parameter: string) =>
  problem(400, "errors.api.invalid", {
    detail: "errors.api.controlCharacter",
    values: { parameter },
    errors: [{ field: parameter, message: "errors.api.controlCharacterField" }],
  });

/** A service's refusal, as the API answers it. */
export function problemFromFailure(failure: ServiceFailure): Response {
  switch (failure.kind) {
    case "invalid":
      return problem(400, "errors.api.invalid", { detail: failure.message, values: failure.values, errors: failure.errors });
    case "forbidden":
      return problem(403, "errors.api.forbidden", { detail: failure.message, values: failure.values });
    case "not_found":
      return notFound();
    case "conflict":
      return problem(409, "errors.api.conflict", { detail: failure.message, values: failure.values });
    case "unprocessable":
      return problem(422, "errors.api.unprocessable", { detail: failure.message, values: failure.values, errors: failure.errors });
  }
}
