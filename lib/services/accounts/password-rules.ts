import { passwordProblem, PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH, type PasswordProblem } from "@/lib/domain/password-policy";
import type { ServiceFailure } from "../service-result";

const PROBLEM_TEXT: Record<PasswordProblem, string> = {
  too_short: `Le mot de passe doit compter au moins ${PASSWORD_MIN_LENGTH} caractères.`,
  too_long: `Le mot de passe ne doit pas dépasser ${PASSWORD_MAX_LENGTH} caractères.`,
  common: "Ce mot de passe est trop courant : choisissez-en un autre, par exemple une phrase de plusieurs mots.",
  same_as_email: "Le mot de passe ne doit pas reprendre votre adresse e-mail.",
};

/** The policy's refusal as a form shows it, next to the password field; null when the password will do. */
export function passwordRefusal(password: string, email: string): ServiceFailure | null {
  const problem = passwordProblem(password, email);
  if (!problem) return null;
  const message = PROBLEM_TEXT[problem];
  return { kind: "invalid", message, errors: [{ field: "password", message }] };
}
