import type { FieldError } from "@/lib/schemas/field-errors";

/**
 * Why a use case refused: routes turn it into problem+json (400/403/404/409/422),
 * pages into a French sentence next to the form. Messages are French.
 */
export type ServiceFailure =
  | { kind: "invalid"; message: string; errors: FieldError[] }
  | { kind: "forbidden"; message: string }
  | { kind: "not_found" }
  | { kind: "conflict"; message: string }
  | { kind: "unprocessable"; message: string; errors?: FieldError[] };

export type ServiceResult<T> = { ok: true; value: T } | { ok: false; failure: ServiceFailure };

export const succeed = <T>(value: T): ServiceResult<T> => ({ ok: true, value });
export const fail = <T = never>(failure: ServiceFailure): ServiceResult<T> => ({ ok: false, failure });
