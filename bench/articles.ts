/**
 * Article search (issue 16): p95 of the knowledge base's search at 2,000 articles, target under 100 ms.
 *
 *   npm run bench -- --only articles [--articles 2000] [--requests 200] [--warmup 20] [--json <file>]
 *
 * On a throw-away database (migrations and the demo seed, so the reference articles too) filled with generated
 * published articles written from the volume's French vocabulary (bench/volume/vocabulary.ts), each linked to its
 * category and service, with keywords and a few hundred words of body. Times, in this process, the service a page
 * and the API call (findArticles / suggestArticles: the full-text query, its ranking and the links) as a school's
 * CSL: a search by words (`?q=`), the filing form's suggestions as a title is typed (`?typed=&category=`), and a
 * service's list, most read first (`?service=`). No HTTP: the API adds its JSON and a bearer check on top.
 */
import { writeFile } from "node:fs/promises";
import catalogue from "@/db/seed/data/service-catalogue.json";
import { createTestStores, testEnvironment } from "@/tests/support/test-database";
import { option, positiveInteger } from "./config";
import { table } from "./report";
import { summarize, type Summary } from "./stats";
import { BUILDINGS, CATEGORY_PROFILES, CLOSINGS, OPENINGS } from "./volume/vocabulary";

export const ARTICLE_TARGET_P95_MS = 100;

const SEARCHES = ["imprimante bloquee", "poste lent", "mot de passe eleve", "wifi salle", "ecran noir", "videoprojecteur hdmi", "toner"];
const TYPED: Array<[string, string]> = [
  ["IMPR-PANNE", "imprimante bloq"],
  ["POSTE-DYSF", "poste tres le"],
  ["RES-WIFI", "wifi coup"],
  ["CPT-ELEVE", "mot de passe ou"],
];
const LISTED = ["IMPRESSION", "POSTE", "RESEAU", "COMPTES"];

export async function runArticleBench(argv: readonly string[]): Promise<boolean> {
  const count = positiveInteger(option(argv, "articles"), 2000, "articles");
  const requests = positiveInteger(option(argv, "requests"), 200, "requests");
  const warmup = positiveInteger(option(argv, "warmup"), 20, "warmup");
  const stores = await createTestStores("bench_articles");
  // Before anything reads the environment: this process reads the bench database.
  Object.assign(process.env, testEnvironment(stores));
  const { database, closeDatabase } = await import("@/db/client");
  const { articleCategories, articles, articleServices, categories, services, users } = await import("@/db/schema");
  const { eq, sql } = await import("drizzle-orm");
  const { loadCaller } = await import("@/lib/services/accounts/load-caller");
  const { findArticles, suggestArticles } = await import("@/lib/services/knowledge/read-articles");
  const db = database();
  try {
    const serviceId = new Map((await db.select({ id: services.id, code: services.code }).from(services)).map((row) => [row.code, row.id]));
    const categoryId = new Map(
      (await db.select({ id: categories.id, code: categories.code }).from(categories)).map((row) => [row.code, row.id]),
    );
    const serviceOf = new Map(catalogue.services.flatMap((service) => service.categories.map((category) => [category.code, service.code])));
    const profiles = Object.entries(CATEGORY_PROFILES);
    const started = Date.now();
    for (let batch = 0; batch < count; batch += 500) {
      const rows = Array.from({ length: Math.min(500, count - batch) }, (_, offset) => {
        const index = batch + offset;
        const [code, profile] = profiles[index % profiles.length]!;
        const room = `${BUILDINGS[index % BUILDINGS.length]}${100 + (index % 37)}`;
        const title = `${profile.titles[index % profile.titles.length]!.replace("{salle}", room)} (fiche ${index + 1})`;
        const paragraphs = Array.from({ length: 12 }, (_, line) =>
          [OPENINGS[(index + line) % OPENINGS.length], ...profile.details, CLOSINGS[(index + line) % CLOSINGS.length]].join(" "),
        );
        return {
          code,
          values: {
            slug: `bench-${index + 1}`,
            title,
            body: paragraphs.join("\n\n"),
            audience: index % 5 === 0 ? ("staff" as const) : ("schools" as const),
            state: "published" as const,
            keywords: title.split(/\s+/).slice(0, 3),
            readCount: (index * 7919) % 500,
            publishedAt: new Date(),
          },
        };
      });
      const inserted = await db
        .insert(articles)
        .values(rows.map((row) => row.values))
        .returning({ id: articles.id });
      await db
        .insert(articleCategories)
        .values(inserted.map((article, offset) => ({ articleId: article.id, categoryId: categoryId.get(rows[offset]!.code)! })));
      await db
        .insert(articleServices)
        .values(
          inserted.map((article, offset) => ({ articleId: article.id, serviceId: serviceId.get(serviceOf.get(rows[offset]!.code)!)! })),
        );
    }
    await db.execute(sql`VACUUM ANALYZE articles`);
    await db.execute(sql`ANALYZE article_services`);
    await db.execute(sql`ANALYZE article_categories`);
    const seconds = (Date.now() - started) / 1000;
    const [csl] = await db.select({ id: users.id }).from(users).where(eq(users.email, "csl.choiseul@guichet.test"));
    const caller = (await loadCaller(csl!.id))!;

    const time = async (run: (turn: number) => Promise<unknown>): Promise<Summary> => {
      for (let turn = 0; turn < warmup; turn++) await run(turn);
      const durations: number[] = [];
      for (let turn = 0; turn < requests; turn++) {
        const start = performance.now();
        await run(turn);
        durations.push(performance.now() - start);
      }
      return summarize(durations);
    };
    const figures = {
      articles: count,
      seededSeconds: seconds,
      search: await time((turn) => findArticles(caller, { q: SEARCHES[turn % SEARCHES.length], limit: 100 })),
      suggestions: await time((turn) => {
        const [category, typed] = TYPED[turn % TYPED.length]!;
        return suggestArticles(caller, category, typed);
      }),
      serviceList: await time((turn) => findArticles(caller, { service: LISTED[turn % LISTED.length], limit: 100 })),
    };
    const line = (name: string, summary: Summary) => [
      name,
      summary.p50.toFixed(1),
      summary.p95.toFixed(1),
      summary.max.toFixed(1),
      summary.p95 < ARTICLE_TARGET_P95_MS ? "ok" : "OVER",
    ];
    console.log(`[bench] ${count} articles seeded in ${seconds.toFixed(1)} s; ${requests} timed calls after ${warmup} warm-up each`);
    console.log(
      table(
        ["scenario", "p50 ms", "p95 ms", "max ms", `p95 < ${ARTICLE_TARGET_P95_MS} ms`],
        [
          line("search ?q= (school CSL)", figures.search),
          line("suggestions ?typed=&category=", figures.suggestions),
          line("service list ?service=", figures.serviceList),
        ],
      ),
    );
    const json = option(argv, "json");
    if (json) await writeFile(json, JSON.stringify(figures, null, 2));
    return true;
  } finally {
    await closeDatabase();
    await stores.drop();
  }
}
