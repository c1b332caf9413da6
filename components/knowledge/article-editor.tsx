import { getTranslations } from "next-intl/server";
import { FieldsForm, type FormField } from "@/components/organisation/fields-form";
import type { FormAction } from "@/components/ui/use-action-form";

type Article = {
  slug: string;
  title: string;
  body: string;
  audience: "schools" | "staff";
  state: "draft" | "published" | "archived";
  services: Array<{ code: string }>;
  categories: Array<{ code: string }>;
  keywords: string[];
};

/** The article editor (a new article, or a change of one): Markdown body, audience, linked codes, keywords, state. */
export async function ArticleEditor({ action, article, states }: { action: FormAction; article?: Article; states: Article["state"][] }) {
  const t = await getTranslations("knowledge.editor");
  const tStates = await getTranslations("knowledge.states");
  const fields: FormField[] = [
    ...(article ? [{ kind: "hidden" as const, name: "slug", value: article.slug }] : []),
    { kind: "text", name: "title", label: t("title"), defaultValue: article?.title, required: true, maxLength: 200 },
    { kind: "textarea", name: "body", label: t("body"), defaultValue: article?.body },
    {
      kind: "select",
      name: "audience",
      label: t("audience"),
      options: (["schools", "staff"] as const).map((value) => ({ value, label: t(`audiences.${value}`) })),
      defaultValue: article?.audience ?? "schools",
    },
    { kind: "text", name: "services", label: t("services"), defaultValue: article?.services.map((link) => link.code).join(", ") },
    { kind: "text", name: "categories", label: t("categories"), defaultValue: article?.categories.map((link) => link.code).join(", ") },
    { kind: "text", name: "keywords", label: t("keywords"), defaultValue: article?.keywords.join(", ") },
    {
      kind: "select",
      name: "state",
      label: t("state"),
      options: states.map((value) => ({ value, label: tStates(value) })),
      defaultValue: article?.state ?? "draft",
    },
  ];
  return (
    <>
      <p className="text-sm text-slate-600">{t("markdownHelp")}</p>
      <FieldsForm
        id="article-editor"
        action={action}
        fields={fields}
        labels={{ submit: t("save"), pending: t("saving"), done: t("saved") }}
      />
    </>
  );
}
