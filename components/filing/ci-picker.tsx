"use client";

import { useTranslations } from "next-intl";
import { useEffect, useId, useState, type KeyboardEvent } from "react";

type Ci = { id: string; name: string; class: string; room: string | null; model: string | null; serialNumber: string | null };

/**
 * Picks equipment from the school's own inventory (GET /api/v1/cis with the session cookie);
 * the chosen ones are posted as repeated `ciIds`. The search is a WAI-ARIA combobox: the arrow
 * keys move through the list, Enter picks (and never submits the form), Escape closes.
 */
export function CiPicker({ establishmentUai, initial, notice }: { establishmentUai: string; initial: Ci[]; notice: string | null }) {
  const t = useTranslations("filing");
  const [query, setQuery] = useState("");
  const [results, setResults] = useState<Ci[]>([]);
  const [chosen, setChosen] = useState<Ci[]>(initial);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const listId = useId();
  // Its own id: the desk's ticket page holds two pickers (linking equipment, recording an intervention).
  const searchId = useId();

  useEffect(() => {
    const controller = new AbortController();
    const timer = setTimeout(() => {
      const params = new URLSearchParams({ establishment: establishmentUai, q: query, limit: "10" });
      fetch(`/api/v1/cis?${params}`, { signal: controller.signal })
        .then((response) => (response.ok ? response.json() : { items: [] }))
        .then((page: { items: Ci[] }) => {
          setResults(page.items);
          setActive(-1);
        })
        .catch(() => undefined);
    }, 200);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [establishmentUai, query]);

  const describe = (ci: Ci) => [ci.name, ci.room, ci.model, ci.serialNumber].filter(Boolean).join(" · ");
  const add = (ci: Ci) => setChosen((current) => (current.some((item) => item.id === ci.id) ? current : [...current, ci]));
  const optionId = (index: number) => `${listId}-${index}`;

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      setOpen(true);
      if (results.length === 0) return;
      const step = event.key === "ArrowDown" ? 1 : -1;
      setActive((current) => (current + step + results.length) % results.length);
    } else if (event.key === "Enter") {
      // Enter belongs to the picker: it picks the highlighted item, and never files the ticket.
      event.preventDefault();
      const ci = open ? results[active] : undefined;
      if (ci) add(ci);
    } else if (event.key === "Escape" && open) {
      event.preventDefault();
      setOpen(false);
      setActive(-1);
    }
  }

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
              <button
                type="button"
                aria-label={t("equipmentRemove", { name: ci.name })}
                className="ml-1 text-slate-500"
                onClick={() => setChosen((current) => current.filter((item) => item.id !== ci.id))}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
      {chosen.length === 0 && notice && <p className="mt-2 rounded-md bg-amber-50 p-2 text-sm text-amber-900">{notice}</p>}
      <label htmlFor={searchId} className="sr-only">
        {t("equipmentSearch")}
      </label>
      <input
        id={searchId}
        type="text"
        role="combobox"
        aria-autocomplete="list"
        aria-expanded={open}
        aria-controls={listId}
        aria-activedescendant={open && active >= 0 ? optionId(active) : undefined}
        autoComplete="off"
        value={query}
        placeholder={t("equipmentSearch")}
        onKeyDown={onKeyDown}
        onBlur={() => setOpen(false)}
        onFocus={() => setOpen(true)}
        onChange={(event) => {
          setQuery(event.target.value);
          setOpen(true);
        }}
        className="mt-2 w-full rounded-md border border-slate-300 px-3 py-2"
      />
      <ul
        id={listId}
        role="listbox"
        aria-label={t("equipmentResults")}
        hidden={!open}
        className="mt-1 max-h-56 overflow-y-auto rounded-md border border-slate-100 text-sm"
      >
        {results.map((ci, index) => (
          // The mouse picks too; mousedown is cancelled so the search keeps the focus.
          <li
            key={ci.id}
            id={optionId(index)}
            role="option"
            aria-selected={index === active}
            onMouseDown={(event) => event.preventDefault()}
            onClick={() => add(ci)}
            className="cursor-pointer px-2 py-1.5 hover:bg-slate-50 aria-selected:bg-brand-50 aria-selected:outline aria-selected:outline-2 aria-selected:outline-brand-700"
          >
            {describe(ci)}
          </li>
        ))}
      </ul>
      {open && results.length === 0 && <p className="mt-1 p-2 text-sm text-slate-500">{t("equipmentNone")}</p>}
    </fieldset>
  );
}
