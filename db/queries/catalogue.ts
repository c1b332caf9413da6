import { and, asc, eq, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { categories, services } from "@/db/schema";
import type { ApproverKind } from "@/lib/domain/vocabulary";
import type { CategoryField } from "@/lib/schemas/category-fields";
import { preparedStatement } from "./prepared";

export type CatalogueCategory = {
  id: string;
  code: string;
  name: string;
  type: "incident" | "request";
  hardware: boolean;
  schoolTask: string | null;
  fields: CategoryField[];
  /** Who approves its tickets before routing, level by level (lib/domain/approvals.ts); empty: none. */
  approvalLevels: ApproverKind[];
  project: boolean;
};
export type CatalogueService = {
  id: string;
  code: string;
  name: string;
  deliveryMode: string;
  domain: string;
  includes: string[];
  excludes: string[];
  procedure: string;
  categories: CatalogueCategory[];
};

/** The whole catalogue in display order (a dozen services: read at once). */
export async function listCatalogue(db: Executor): Promise<CatalogueService[]> {
  const [serviceRows, categoryRows] = await Promise.all([
    db.select().from(services).orderBy(asc(services.position)),
    db.select().from(categories).orderBy(asc(categories.position)),
  ]);
  return serviceRows.map(({ position: _position, ...service }) => ({
    ...service,
    categories: categoryRows
      .filter((category) => category.serviceId === service.id)
      .map(({ serviceId: _service, position: _p, ...category }) => category),
  }));
}

/** Every category with its service's id and code, as `findCategory` returns one (the filing's reference cache). */
export function categoriesWithService(db: Executor) {
  return db
    .select({ serviceId: services.id, serviceCode: services.code, category: categories })
    .from(categories)
    .innerJoin(services, eq(services.id, categories.serviceId));
}
export type CategoryWithService = Awaited<ReturnType<typeof categoriesWithService>>[number];

/** A category by its code within a service's code, or null. */
export async function findCategory(db: Executor, serviceCode: string, categoryCode: string): Promise<CategoryWithService | null> {
  const [row] = await findCategoryStatement(db).execute({ serviceCode, categoryCode });
  return row ?? null;
}

const findCategoryStatement = preparedStatement((db) =>
  categoriesWithService(db)
    .where(and(eq(services.code, sql.placeholder("serviceCode")), eq(categories.code, sql.placeholder("categoryCode"))))
    .prepare("find_category"),
);

/** A category by its code, or null. */
export async function categoryByCode(db: Executor, code: string) {
  const [row] = await db.select().from(categories).where(eq(categories.code, code));
  return row ?? null;
}
