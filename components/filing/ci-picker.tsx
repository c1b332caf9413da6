"use client";

import { useTranslations } from "next-intl";
import { useEffect, useState } from "react";

type Ci = { id: string; name: string; class: string; room: string | null; model: string | null; serialNumber: string | null };

/**
 * Picks equipment from the school's own inventory (GET /api/v1/cis with the session cookie);
 * the chosen ones are posted as repeated `ciIds`.
 */
export function CiPicker({ establishmentUai, initial, notice }: { establishmentUai: string; initial: Ci[]; notice: string | null }) {
  const t = useTranslations("filing");
  const [query, setQuery] = useState("");
  const [results, setResults] = useState<Ci[]>([]);
  const [chosen, setChosen] = useState<Ci[]>(initial);

  useEffect(() => {
    const controller = new AbortController();
    const timer = setTimeout(() => {
      const params = new URLSearchParams({ establishment: establishmentUai, q: query, limit: "10" });
      fetch(`/api/v1/cis?${params}`, { signal: controller.signal })
        .then((response) => (response.ok ? response.json() : { items: [] }))
        .then((page: { items: Ci[] }) => setResults(page.items))
        .catch(() => undefined);
    }, 200);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [establishmentUai, query]);

  const describe = (ci: Ci) => [ci.name, ci.room, ci.model, ci.serialNumber].filter(Boolean).join(" · ");
  const add = (ci: Ci) => setChosen((current) => (current.some((item) => item.id === ci.id) ? current : [...current, ci]));

  return (
    <fieldset>
      <legend className="text-sm font-medium">{t("equipment")}</legend>
      <p className="text-sm text-slate-500">{t("equipmentHelp")}</p>
      {chosen.length > 0 && (
        <ul aria-label={t("equipmentSelected")} className="mt-2 flex flex-wrap gap-2">
          {chosen.map((ci) => (
            <li key={ci.id} className="flex items-center gap-1 rounded-full bg-brand-50 px-3 py-1 text-sm">
              <input type="hidden" name="ciIds" value={ci.id} />
              {describe(ci)}
              <button type="button" aria-label={t("equipmentRemove", { name: ci.name })} className="ml-1 text-slate-500"
                onClick={() => setChosen((current) => current.filter((item) => item.id !== ci.id))}>×</button>
            </li>
          ))}
        </ul>
      )}
      {chosen.length === 0 && notice && <p className="mt-2 rounded-md bg-amber-50 p-2 text-sm text-amber-900">{notice}</p>}
      <label htmlFor="ci-search" className="sr-only">{t("equipmentSearch")}</label>
      <input id="ci-search" type="search" value={query} onChange={(event) => setQuery(event.target.value)} placeholder={t("equipmentSearch")}
        className="mt-2 w-full rounded-md border border-slate-300 px-3 py-2" />
      <ul className="mt-1 max-h-56 overflow-y-auto rounded-md border border-slate-100 text-sm">
        {results.length === 0 && <li className="p-2 text-slate-500">{t("equipmentNone")}</li>}
        {results.map((ci) => (
          <li key={ci.id}>
            <button type="button" onClick={() => add(ci)} aria-label={t("equipmentAdd", { name: describe(ci) })}
              className="block w-full px-2 py-1.5 text-left hover:bg-slate-50">{describe(ci)}</button>
          </li>
        ))}
      </ul>
    </fieldset>
  );
}
