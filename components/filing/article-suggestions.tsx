"use client";

import { useTranslations } from "next-intl";
import { useEffect, useState } from "react";
import { FormAlert } from "@/components/ui/form-feedback";
import { useActionForm } from "@/components/ui/use-action-form";
import type { FormState } from "@/lib/schemas/form-state";

type Suggestion = { slug: string; title: string };
type Props = {
  categoryCode: string;
  establishmentUai: string;
  /** The title as it is being typed. */
  title: string;
  deflect: (state: FormState, form: FormData) => Promise<FormState>;
};

/**
 * Articles that may answer before a ticket is filed: fetched (debounced) as the title is typed, read in place,
 * and "Cela a résolu mon problème" ends the attempt without a ticket (a deflection is counted).
 */
export function ArticleSuggestions({ categoryCode, establishmentUai, title, deflect }: Props) {
  const t = useTranslations("knowledge.suggestions");
  const [items, setItems] = useState<Suggestion[]>([]);
  const [open, setOpen] = useState<{ slug: string; html: string } | null>(null);
  const { state, pending, formProps } = useActionForm(deflect);

  useEffect(() => {
    const controller = new AbortController();
    const timer = setTimeout(() => {
      if (title.trim().length < 3) return setItems([]);
      const params = new URLSearchParams({ typed: title, category: categoryCode });
      fetch(`/api/v1/articles?${params}`, { signal: controller.signal })
        .then((response) => (response.ok ? response.json() : { items: [] }))
        .then((page: { items: Suggestion[] }) => setItems(page.items))
        .catch(() => undefined);
    }, 300);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [categoryCode, title]);

  function read(slug: string) {
    if (open?.slug === slug) return setOpen(null);
    fetch(`/api/v1/articles/${slug}`)
      .then((response) => (response.ok ? response.json() : null))
      .then((article: { html: string } | null) => article && setOpen({ slug, html: article.html }))
      .catch(() => undefined);
  }

  if (items.length === 0) return null;
  return (
    <section aria-labelledby="suggestions-title" aria-live="polite" className="rounded-lg border border-sky-200 bg-sky-50 p-4">
      <h2 id="suggestions-title" className="font-semibold text-sky-950">
        {t("title")}
      </h2>
      <ul className="mt-2 space-y-2">
        {items.map((item) => (
          <li key={item.slug}>
            <button
              type="button"
              aria-expanded={open?.slug === item.slug}
              aria-controls={`suggestion-${item.slug}`}
              onClick={() => read(item.slug)}
              className="text-left text-brand-700 underline"
            >
              {item.title}
            </button>
            {open?.slug === item.slug && (
              <div id={`suggestion-${item.slug}`} className="mt-2 rounded-md border border-slate-200 bg-white p-3">
                <div className="article-body text-sm" dangerouslySetInnerHTML={{ __html: open.html }} />
                <form {...formProps} className="mt-3 flex flex-wrap items-center gap-2">
                  <FormAlert state={state} />
                  <input type="hidden" name="article" value={item.slug} />
                  <input type="hidden" name="categoryCode" value={categoryCode} />
                  <input type="hidden" name="establishmentUai" value={establishmentUai} />
                  <button
                    type="submit"
                    disabled={pending}
                    className="rounded-md bg-emerald-700 px-4 py-2 text-sm text-white disabled:opacity-60"
                  >
                    {t("resolved")}
                  </button>
                  <button
                    type="button"
                    onClick={() => setOpen(null)}
                    className="rounded-md border border-slate-300 bg-white px-4 py-2 text-sm"
                  >
                    {t("notResolved")}
                  </button>
                </form>
              </div>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
