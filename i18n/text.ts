import { createTranslator } from "next-intl";
import type { FieldError } from "@/lib/schemas/field-errors";
import { CATALOGUES } from "./messages";

/**
 * Services and schemas speak in message keys ("desk.errors.ticketClosed") with values, never in French:
 * the entry point turns them into the reader's words (a form: the request's locale; the API: French).
 */
export type TextValues = Record<string, string | number>;

/** Words for a full catalogue key, given to pure code that assembles a text (`translatorFor`, or a page's `t`). */
export type Translate = (message: string, values?: TextValues) => string;

const translators = {
  fr: createTranslator({ locale: "fr", messages: CATALOGUES.fr }),
  en: createTranslator({ locale: "en", messages: CATALOGUES.en }),
};

const KEY = /^[a-zA-Z]+(\.[a-zA-Z0-9_]+)+$/;

function hasKey(messages: unknown, key: string): boolean {
  let node = messages;
  for (const part of key.split(".")) {
    if (typeof node !== "object" || node === null || !(part in node)) return false;
    node = (node as Record<string, unknown>)[part];
  }
  return typeof node === "string";
}

/** Whether `message` names a message of the French catalogue (every key French has, English has too). */
export const isMessageKey = (message: string): boolean => KEY.test(message) && hasKey(CATALOGUES.fr, message);

/**
 * The words for a message key with its values. A value that is itself a message key is put in words
 * first (a status named by `tickets.staffStatus.waiting_vendor`). A message that is not a catalogue key
 * is given back as it is (a parser's own reason, a person's input).
 */
export function translateText(message: string, values: TextValues | undefined, locale: "fr" | "en" = "fr"): string {
  if (!isMessageKey(message)) return message;
  const worded =
    values &&
    Object.fromEntries(
      Object.entries(values).map(([name, value]) => [
        name,
        typeof value === "string" && isMessageKey(value) ? translateText(value, undefined, locale) : value,
      ]),
    );
  return translators[locale](message as never, worded as never);
}

/** A translator bound to a locale, for code that turns several messages into words. */
export const translatorFor = (locale: "fr" | "en") => (message: string, values?: TextValues) => translateText(message, values, locale);

/** Words a service writes into the database (a ticket's history, a school's queue name) are French, the portal's language. */
export const storedText = translatorFor("fr");

/** The field errors in the reader's words (what the API and the forms show). */
export function translateFieldErrors(errors: FieldError[], locale: "fr" | "en" = "fr"): { field: string; message: string }[] {
  return errors.map(({ field, message, values }) => ({ field, message: translateText(message, values, locale) }));
}
