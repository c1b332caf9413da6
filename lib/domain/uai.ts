/**
 * UAI (Unité administrative immatriculée): 7 characters then a check letter.
 * The first three characters are the département (Corsica: 620/720), the check letter
 * is the 7-digit number modulo 23 mapped onto the alphabet without I, O and Q.
 */
const CHECK_LETTERS = "ABCDEFGHJKLMNPRSTUVWXYZ";
/** Seven digits then a letter, capitalised (the check letter aside). */
export const UAI_SHAPE = /^(\d{7})([A-Z])$/;

export type UaiProblem = "format" | "check_letter";

export function normalizeUai(input: string): string {
  return input.trim().toUpperCase();
}

export function uaiCheckLetter(digits: string): string {
  return CHECK_LETTERS[Number.parseInt(digits, 10) % 23]!;
}

/** Returns null when the code is a valid UAI, else what is wrong with it. */
export function uaiProblem(input: string): UaiProblem | null {
  const match = UAI_SHAPE.exec(normalizeUai(input));
  if (!match) return "format";
  return uaiCheckLetter(match[1]!) === match[2] ? null : "check_letter";
}

export function isValidUai(input: string): boolean {
  return uaiProblem(input) === null;
}
