import { getTranslations } from "next-intl/server";

/** The rating the school gave its closed ticket. */
export async function GivenRating({ rating }: { rating: { score: number; comment: string | null } }) {
  const t = await getTranslations("rating");
  return (
    <div className="text-sm">
      <p className="font-medium">{t("given", { score: rating.score, label: t(`scores.${rating.score}`) })}</p>
      {rating.comment && (
        <>
          <p className="mt-2 text-slate-500">{t("givenComment")}</p>
          <blockquote className="mt-1 whitespace-pre-wrap border-l-2 border-slate-200 pl-3">{rating.comment}</blockquote>
        </>
      )}
    </div>
  );
}
