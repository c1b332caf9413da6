/** Lower-case, accents removed: "Réseau" and "reseau" compare equal. */
export function foldText(text: string): string {
  return text.normalize("NFD").replace(/\p{Diacritic}/gu, "").toLowerCase();
}

type SearchableService = {
  name: string; includes: string[]; excludes: string[]; procedure: string;
  categories: Array<{ name: string; code: string }>;
};

/**
 * The services matching every word of the query, in any of their texts (name, what they include
 * and exclude, procedure, categories); accents and case ignored. An empty query keeps them all.
 */
export function searchCatalogue<Service extends SearchableService>(services: Service[], query: string): Service[] {
  const words = foldText(query).split(/\s+/).filter(Boolean);
  if (words.length === 0) return services;
  return services.filter((service) => {
    const haystack = foldText([
      service.name, service.procedure, ...service.includes, ...service.excludes,
      ...service.categories.flatMap((category) => [category.name, category.code]),
    ].join(" "));
    return words.every((word) => haystack.includes(word));
  });
}
