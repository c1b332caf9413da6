/**
 * What a query string may carry. Control characters (C0 with NUL, DEL, C1) are never part of a search, a code
 * or a name: PostgreSQL refuses NUL in text outright, and the others only hide what a value really is.
 * Pure, so proxy.ts (pages) and the API wrapper apply the same rule.
 */

const CONTROL_CHARACTER = /[\u0000-\u001f\u007f-\u009f]/u;

/** The name of the first parameter whose name or value holds a control character, or null when there is none. */
export function parameterWithControlCharacter(parameters: Iterable<[string, string]>): string | null {
  for (const [name, value] of parameters) {
    if (CONTROL_CHARACTER.test(name) || CONTROL_CHARACTER.test(value)) return printable(name);
  }
  return null;
}

/** The name as it can be shown back: its own control characters written as \u escapes. */
function printable(name: string): string {
  return name.replace(
    new RegExp(CONTROL_CHARACTER.source, "gu"),
    (character) => `\\u${character.charCodeAt(0).toString(16).padStart(4, "0")}`,
  );
}
