"use client";

import { useTranslations } from "next-intl";
import { useId, type MouseEvent } from "react";
import type { FormError } from "@/lib/schemas/form-state";

/** Marks the summary the form focuses after a refusal (`useActionForm`). */
export const ERROR_SUMMARY_ATTRIBUTE = "data-error-summary";

/** Focuses the field named `field` in the summary's own form (the first of a group of radios or checkboxes). */
function focusField(event: MouseEvent<HTMLAnchorElement>, field: string) {
  const form = event.currentTarget.closest("form");
  const target = form?.elements.namedItem(field);
  const element = target instanceof RadioNodeList ? target[0] : target;
  if (!(element instanceof HTMLElement)) return;
  event.preventDefault();
  element.focus();
  element.scrollIntoView({ block: "center" });
}

/**
 * The GOV.UK / DSFR error summary: the form's sentence, then one link per field error that takes the
 * focus to the field. Focused after a failed submit, so screen readers read it first.
 */
export function ErrorSummary({ state }: { state: FormError }) {
  const t = useTranslations("forms");
  const titleId = useId();
  const errors = Object.entries(state.fields).flatMap(([field, messages]) => messages.map((message) => ({ field, message })));
  return (
    <div
      role="alert"
      tabIndex={-1}
      {...{ [ERROR_SUMMARY_ATTRIBUTE]: "" }}
      aria-labelledby={titleId}
      className="rounded-md border-2 border-red-700 bg-red-50 p-3 text-sm text-red-900 focus:outline-3 focus:outline-offset-2 focus:outline-red-700"
    >
      <p id={titleId} className="font-semibold">
        {state.message}
      </p>
      {errors.length > 0 && (
        <ul className="mt-1 list-disc space-y-0.5 pl-5" aria-label={t("errorList")}>
          {errors.map(({ field, message }) => (
            <li key={`${field}:${message}`}>
              <a href={`#${field}`} onClick={(event) => focusField(event, field)} className="underline">
                {message}
              </a>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
