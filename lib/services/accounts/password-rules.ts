import { passwordProblem, PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH, type PasswordProblem } from "@/lib/domain/password-policy";
import type { ServiceFailure } from "../service-result";

const PROBLEM_TEXT: Record<PasswordProblem, string> = {
  too_short: "account.errors.passwordTooShort",
  too_long: "account.errors.passwordTooLong",
  common: "account.errors.passwordTooCommon",
  same_as_email: "account.errors.passwordIsEmail",
};

/** The policy's refusal as a form shows it, next to the password field; null when the password will do. */
export function passwordRefusal(password: string, email: string): ServiceFailure | null {
  const problem = passwordProblem(password, email);
  if (!problem) return null;
  const message = PROBLEM_TEXT[problem];
  const values = { minimum: PASSWORD_MIN_LENGTH, maximum: PASSWORD_MAX_LENGTH };
  return { kind: "invalid", message, values, errors: [{ field: "password", message, values }] };
}
