import type { TextValues } from "@/i18n/text";
import type { FieldError } from "@/lib/schemas/field-errors";

/**
 * Why a use case refused: routes turn it into problem+json (400/403/404/409/422),
 * pages into a sentence next to the form. `message` is a message key ("desk.errors.ticketClosed")
 * with its `values`; the entry point translates it (i18n/text.ts).
 */
export type ServiceFailure =
  | { kind: "invalid"; message: string; values?: TextValues; errors: FieldError[] }
  | { kind: "forbidden"; message: string; values?: TextValues }
  | { kind: "not_found" }
  | { kind: "conflict"; message: string; values?: TextValues }
  | { kind: "unprocessable"; message: string; values?: TextValues; errors?: FieldError[] };

export type ServiceResult<T> = { ok: true; value: T } | { ok: false; failure: ServiceFailure };

export const succeed = <T>(value: T): ServiceResult<T> => ({ ok: true, value });
export const fail = <T = never>(failure: ServiceFailure): ServiceResult<T> => ({ ok: false, failure });
