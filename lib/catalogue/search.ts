import searchWords from "./search-words.json";
import { SELF_HELP } from "./self-help";

/** Lower-case, accents removed: "Réseau" and "reseau" compare equal. */
export function foldText(text: string): string {
  return text
    .normalize("NFD")
    .replace(/\p{Diacritic}/gu, "")
    .toLowerCase();
}

/** Folded, every run of non-letters one space, with a space at each end: " ecran noir ". */
const words = (text: string) =>
  ` ${foldText(text)
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim()} `;

type SearchableService = {
  name: string;
  includes: string[];
  excludes: string[];
  procedure: string;
  categories: Array<{ name: string; code: string }>;
};

const SYNONYMS = searchWords.synonyms.map((group) => group.map(words));
const KEYWORDS: Record<string, string[]> = searchWords.keywords;

/** A query word and the words of its synonym group (search-words.json), each as " word". */
function alternatives(word: string): string[] {
  const own = ` ${word}`;
  const group = SYNONYMS.find((synonyms) => synonyms.includes(` ${word} `));
  return group ? group.map((synonym) => synonym.trimEnd()) : [own];
}

function serviceText(service: SearchableService): string {
  return words(
    [
      service.name,
      service.procedure,
      ...service.includes,
      ...service.excludes,
      ...service.categories.flatMap((category) => {
        const selfHelp = SELF_HELP[category.code];
        return [category.name, category.code, ...(KEYWORDS[category.code] ?? []), ...(selfHelp ? [selfHelp.task, ...selfHelp.steps] : [])];
      }),
    ].join(" "),
  );
}

/**
 * The services matching every word of the query in any of their texts (name, what they include and
 * exclude, procedure, categories with their symptom keywords and self-help advice), a word also
 * matching its synonyms; words match from their start ("imprim" finds "imprimante"), accents and
 * case ignored. An empty query keeps them all.
 */
export function searchCatalogue<Service extends SearchableService>(services: Service[], query: string): Service[] {
  const queryWords = words(query).trim().split(" ").filter(Boolean);
  if (queryWords.length === 0) return services;
  return services.filter((service) => {
    const text = serviceText(service);
    return queryWords.every((word) => alternatives(word).some((alternative) => text.includes(alternative)));
  });
}
