import { database } from "@/db/client";
import { articleBySlug, categoryWithService } from "@/db/queries/articles";
import { schoolsByUai } from "@/db/queries/establishments";
import { articleDeflections } from "@/db/schema";
import { canReadArticle } from "@/lib/domain/articles";
import type { Caller } from "@/lib/domain/caller";
import { canFileTicketFor } from "@/lib/domain/permissions";
import type { DeflectionInput } from "@/lib/schemas/articles";
import { fail, succeed, type ServiceResult } from "../service-result";

/**
 * "Cela a résolu mon problème": the filing attempt ends without a ticket, and the deflection is counted for
 * the school, the category's service, the category and the article. Only who may file for that school, and
 * only with a published article they may read.
 */
export async function recordDeflection(caller: Caller, input: DeflectionInput, now: Date): Promise<ServiceResult<{ id: string }>> {
  const db = database();
  const [[school], category, article] = await Promise.all([
    schoolsByUai(db, [input.establishmentUai]),
    categoryWithService(db, input.categoryCode),
    articleBySlug(db, input.article),
  ]);
  if (!school || !canFileTicketFor(caller, school.id)) return fail({ kind: "forbidden", message: "knowledge.errors.deflectionForbidden" });
  if (!category || !article || article.state !== "published" || !canReadArticle(caller, article)) return fail({ kind: "not_found" });
  const [row] = await db
    .insert(articleDeflections)
    .values({
      articleId: article.id,
      establishmentId: school.id,
      serviceId: category.serviceId,
      categoryId: category.categoryId,
      userId: caller.id,
      createdAt: now,
    })
    .returning({ id: articleDeflections.id });
  if (!row) throw new Error("insert returned no row");
  return succeed(row);
}
