"use client";

import { useTranslations } from "next-intl";
import Link from "next/link";
import { useActionState } from "react";
import type { FormAction } from "@/components/ui/use-action-form";
import { IDLE } from "@/lib/schemas/form-state";

export type RuleActions = { move: FormAction; setEnabled: FormAction; remove: FormAction };

type Rule = { id: string; name: string; version: number; enabled: boolean; catchAll: boolean };

type Props = { rule: Rule; first: boolean; last: boolean; actions: RuleActions };

const BUTTON = "rounded-md border border-slate-300 px-2 py-1 text-xs hover:bg-slate-100 disabled:opacity-60";

/** One button posting hidden fields to an action, its refusal shown beside it. */
function ActionButton({
  action,
  fields,
  label,
  ariaLabel,
  className = BUTTON,
}: {
  action: FormAction;
  fields: Record<string, string>;
  label: string;
  ariaLabel?: string;
  className?: string;
}) {
  const t = useTranslations("routing.actions");
  const [state, dispatch, pending] = useActionState(action, IDLE);
  return (
    <form action={dispatch} className="inline-flex items-center gap-1">
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <button type="submit" disabled={pending} aria-label={ariaLabel} className={className}>
        {pending ? t("pending") : label}
      </button>
      {state.status === "error" && (
        <span role="alert" className="text-xs text-red-700">
          {state.message}
        </span>
      )}
    </form>
  );
}

/** A rule's row actions: move, switch on or off, edit, and delete after a warning. */
export function RuleRowActions({ rule, first, last, actions }: Props) {
  const t = useTranslations("routing.actions");
  return (
    <div className="flex flex-wrap items-start gap-1">
      {!first && (
        <ActionButton
          action={actions.move}
          fields={{ id: rule.id, direction: "up" }}
          label={t("up")}
          ariaLabel={t("upNamed", { name: rule.name })}
        />
      )}
      {!last && (
        <ActionButton
          action={actions.move}
          fields={{ id: rule.id, direction: "down" }}
          label={t("down")}
          ariaLabel={t("downNamed", { name: rule.name })}
        />
      )}
      <ActionButton
        action={actions.setEnabled}
        fields={{ id: rule.id, enabled: String(!rule.enabled) }}
        label={rule.enabled ? t("disable") : t("enable")}
      />
      <Link href={`/admin/routage/${rule.id}`} aria-label={t("editNamed", { name: rule.name })} className={BUTTON}>
        {t("edit")}
      </Link>
      <details className="w-full">
        <summary className="cursor-pointer text-xs text-red-700">{t("delete")}</summary>
        <div className="mt-1 space-y-1 text-xs">
          <p>{t("deleteWarning", { name: rule.name })}</p>
          {rule.catchAll && <p className="font-medium text-amber-800">{t("catchAllWarning")}</p>}
          <ActionButton
            action={actions.remove}
            fields={{ id: rule.id, version: String(rule.version) }}
            label={t("deleteConfirm")}
            className="rounded-md bg-red-700 px-2 py-1 text-xs text-white hover:bg-red-800 disabled:opacity-60"
          />
        </div>
      </details>
    </div>
  );
}
