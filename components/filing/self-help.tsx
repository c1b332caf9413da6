import Link from "next/link";
import { getTranslations } from "next-intl/server";

type Props = { task: string; steps: string[]; fileAnywayHref: string };

/** Advice for a task the school does itself, before it files anyway. */
export async function SelfHelp({ task, steps, fileAnywayHref }: Props) {
  const t = await getTranslations("filing");
  return (
    <section className="rounded-lg border border-amber-200 bg-amber-50 p-4" aria-labelledby="self-help-title">
      <h2 id="self-help-title" className="text-lg font-semibold text-amber-900">
        {t("selfHelpTitle")}
      </h2>
      <p className="mt-1 text-sm">{t("selfHelpIntro", { task })}</p>
      <ol className="mt-2 list-decimal space-y-1 pl-5 text-sm">
        {steps.map((step) => (
          <li key={step}>{step}</li>
        ))}
      </ol>
      <div className="mt-4 flex flex-wrap gap-2">
        <Link href="/" className="rounded-md bg-brand-700 px-4 py-2 text-sm text-white">
          {t("selfHelpSolved")}
        </Link>
        <Link href={fileAnywayHref} className="rounded-md border border-slate-300 bg-white px-4 py-2 text-sm">
          {t("selfHelpFileAnyway")}
        </Link>
      </div>
    </section>
  );
}
