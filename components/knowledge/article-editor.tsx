import { getTranslations } from "next-intl/server";
import { FieldsForm, type FormField } from "@/components/organisation/fields-form";
import type { FormAction } from "@/components/ui/use-action-form";
import { ATTACHMENT_ACCEPT } from "@/lib/schemas/ticket-forms";

type Article = {
  slug: string;
  title: string;
  body: string;
  audience: "schools" | "staff";
  state: "draft" | "published" | "archived";
  services: Array<{ code: string }>;
  categories: Array<{ code: string }>;
  keywords: string[];
  files: Array<{ id: string; fileName: string; url: string }>;
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
    { kind: "file", name: "files", label: t("file"), accept: ATTACHMENT_ACCEPT },
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
      {article && article.files.length > 0 && (
        <section aria-labelledby="article-files" className="text-sm">
          <h2 id="article-files" className="font-medium">
            {t("files")}
          </h2>
          <ul className="mt-1 space-y-1">
            {article.files.map((file) => (
              <li key={file.id} className="break-all">
                {file.fileName} : <code>{`![${file.fileName}](${file.url}?inline=1)`}</code>
              </li>
            ))}
          </ul>
        </section>
      )}
      <FieldsForm
        id="article-editor"
        action={action}
        fields={fields}
        labels={{ submit: t("save"), pending: t("saving"), done: t("saved") }}
      />
    </>
  );
}
