import { fail, type ServiceFailure } from "../service-result";

export const FORBIDDEN: ServiceFailure = { kind: "forbidden", message: "establishments.errors.forbidden" };

export const invalidField = (field: string, message: string) =>
  fail<never>({ kind: "invalid", message: "forms.errors.checkFields", errors: [{ field, message }] });
