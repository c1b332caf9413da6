import { getTranslations } from "next-intl/server";
import { Day } from "@/components/ui/date-time";
import { Panel } from "@/components/ui/panel";
import type { CategoryField } from "@/lib/schemas/category-fields";

type Props = { fields: CategoryField[]; answers: Record<string, unknown> };

type Answer = { name: string; label: string; kind: CategoryField["kind"] | "text"; value: string };

/** The answers in the category's order, labelled; an answer whose field the category no longer has keeps its name. */
function answersOf({ fields, answers }: Props): Answer[] {
  const given = (name: string) => answers[name] !== undefined && answers[name] !== null && String(answers[name]).trim() !== "";
  const known = fields
    .filter((field) => given(field.name))
    .map((field) => ({ name: field.name, label: field.label, kind: field.kind, value: String(answers[field.name]) }));
  const declared = new Set(fields.map((field) => field.name));
  const others = Object.keys(answers)
    .filter((name) => !declared.has(name) && given(name))
    .map((name) => ({ name, label: name, kind: "text" as const, value: String(answers[name]) }));
  return [...known, ...others];
}

/** What the category's own form asked for (dates in words, addresses as links). */
export async function CategoryAnswers(props: Props) {
  const list = answersOf(props);
  if (!list.length) return null;
  const t = await getTranslations("tickets.detail");
  const shown = (answer: Answer) => {
    if (answer.kind === "date" && /^\d{4}-\d{2}-\d{2}$/.test(answer.value)) {
      return <Day value={answer.value} style="longDay" />;
    }
    if (answer.kind === "url" && /^https?:\/\//i.test(answer.value)) {
      return (
        <a className="break-all text-brand-700 underline" href={answer.value} rel="noopener noreferrer nofollow" target="_blank">
          {answer.value}
        </a>
      );
    }
    return <span className="whitespace-pre-wrap">{answer.value}</span>;
  };
  return (
    <Panel title={t("answers")}>
      <dl className="grid gap-x-4 gap-y-2 text-sm sm:grid-cols-[max-content_1fr]">
        {list.map((answer) => (
          <div key={answer.name} className="contents">
            <dt className="text-slate-500">{answer.label}</dt>
            <dd>{shown(answer)}</dd>
          </div>
        ))}
      </dl>
    </Panel>
  );
}
