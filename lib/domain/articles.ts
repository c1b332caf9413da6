import type { Caller } from "./caller";
import { can } from "./permissions";

/** The knowledge base's rules (issue 16): who reads and changes an article, its states, its address, a draft from a ticket. */

export const ARTICLE_AUDIENCES = ["schools", "staff"] as const;
export type ArticleAudience = (typeof ARTICLE_AUDIENCES)[number];
export const ARTICLE_STATES = ["draft", "published", "archived"] as const;
export type ArticleState = (typeof ARTICLE_STATES)[number];

type Who = Pick<Caller, "role">;

/** Which articles the caller may read: drafts and archives for those who write; staff-only ones for staff; the rest published for schools. */
export function articleReadScope(caller: Who): { states: ArticleState[]; audiences: ArticleAudience[] } {
  const audiences: ArticleAudience[] = can(caller, "articles.read_staff") ? ["schools", "staff"] : ["schools"];
  const states: ArticleState[] = can(caller, "articles.write") ? ["draft", "published", "archived"] : ["published"];
  return { states, audiences };
}

export function canReadArticle(caller: Who, article: { state: ArticleState; audience: ArticleAudience }): boolean {
  const scope = articleReadScope(caller);
  return scope.states.includes(article.state) && scope.audiences.includes(article.audience);
}

const NEXT_STATES: Record<ArticleState, readonly ArticleState[]> = {
  draft: ["draft", "published", "archived"],
  published: ["published", "archived"],
  archived: ["archived", "published"],
};

/**
 * Why a change of an article (from `current`, or a new one when null, to `next`) is refused, or null:
 * "forbidden" without the right (technicians write and keep drafts only; publishing, editing what is
 * published and archiving are the service lead's and admins'), "transition" for a move the states do not allow.
 */
export function articleChangeRefusal(caller: Who, current: ArticleState | null, next: ArticleState): "forbidden" | "transition" | null {
  if (!can(caller, "articles.write")) return "forbidden";
  if ((current ?? "draft") !== "draft" || next !== "draft") {
    if (!can(caller, "articles.publish")) return "forbidden";
  }
  if (current === null) return next === "archived" ? "transition" : null;
  return NEXT_STATES[current].includes(next) ? null : "transition";
}

/** Lower case, accents removed, every run of other characters one hyphen, at most 80 characters: "imprimante-bloquee-que-faire". */
export function articleSlug(title: string): string {
  const slug = title
    .normalize("NFD")
    .replace(/\p{Diacritic}/gu, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 80)
    .replace(/-+$/, "");
  return slug || "article";
}

/** The slug of a service's "Conseils" and "Plus d'infos" article (seed 001, loaded by the reference seed). */
export const serviceAdviceSlug = (serviceCode: string) => `conseils-${serviceCode.toLowerCase()}`;

/** Paths of the help that are not articles (/aide/nouveau, the editor of a new one). */
const RESERVED_SLUGS = new Set(["nouveau"]);

/** The slug, or the first of slug-2, slug-3… not in `taken` nor reserved. */
export function freeSlug(slug: string, taken: ReadonlySet<string>): string {
  const free = (candidate: string) => !taken.has(candidate) && !RESERVED_SLUGS.has(candidate);
  if (free(slug)) return slug;
  for (let suffix = 2; ; suffix += 1) if (free(`${slug}-${suffix}`)) return `${slug}-${suffix}`;
}

/**
 * The words of a title being typed as a tsquery: any of them, the last one as a prefix ("imprimante bloq"
 * → `imprimante | bloq:*`); null when nothing is left. Only letters and digits reach the query.
 */
export function typedSearchQuery(text: string): string | null {
  const words = text
    .normalize("NFC")
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word.length >= 2)
    .slice(0, 12);
  if (!words.length) return null;
  return words.map((word, index) => (index === words.length - 1 ? `${word}:*` : word)).join(" | ");
}

/** What "Transformer en article" takes from a resolved ticket. */
export type TicketForArticle = {
  title: string;
  description: string;
  /** The public answers given to the school, oldest first. */
  answers: string[];
  /** The people the ticket names (requester, technicians): each name and each of its words is removed. */
  people: string[];
  /** The school's name and city: removed as whole names ("Lycée Choiseul", not every "lycée"). */
  places: string[];
};

const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}.-]+\.[\p{L}]{2,}/gu;
const PHONE = /(?:\+33\s?|0)[1-9](?:[\s.-]?\d{2}){4}/g;
const UAI = /\b\d{7}[A-Za-z]\b/g;
export const REDACTED = "…";

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const fold = (text: string) => text.normalize("NFD").replace(/\p{Diacritic}/gu, "");

/** Replaces `word` (a whole word, case and accents ignored) by "…" in `text`. */
function redactWord(text: string, word: string): string {
  const source = text.normalize("NFC");
  const plain = fold(source);
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(fold(word))}(?![\\p{L}\\p{N}])`, "giu");
  // Folding a composed letter leaves one letter, so positions in `plain` are positions in `source`;
  // when a letter had no composed form, the lengths differ and the word is matched as written.
  if (plain.length !== source.length) return source.replace(new RegExp(escapeRegExp(word), "giu"), REDACTED);
  let result = "";
  let last = 0;
  for (const match of plain.matchAll(pattern)) {
    result += source.slice(last, match.index) + REDACTED;
    last = match.index + match[0].length;
  }
  return result + source.slice(last);
}

/**
 * The text with people's names (whole, and each of their words of three letters or more), places' names (whole),
 * e-mail addresses, phone numbers and UAI replaced by "…"; case and accents ignored.
 */
export function redactNames(text: string, names: { people: string[]; places: string[] }): string {
  const words = [
    ...new Set([
      ...names.people.flatMap((name) => [name.trim(), ...name.trim().split(/\s+/), ...name.trim().split(/[\s'’-]+/)]),
      ...names.places.map((place) => place.trim()),
    ]),
  ]
    .filter((word) => word.length >= 3)
    .sort((a, b) => b.length - a.length);
  const start = text.replace(EMAIL, REDACTED).replace(PHONE, REDACTED).replace(UAI, REDACTED);
  return words.reduce(redactWord, start);
}

/** A draft from a resolved ticket: its title, its question and its public answers, names removed. */
export function draftFromTicket(ticket: TicketForArticle): { title: string; question: string; answer: string } {
  const redact = (text: string) => redactNames(text, ticket).trim();
  return { title: redact(ticket.title), question: redact(ticket.description), answer: ticket.answers.map(redact).join("\n\n") };
}
