import { sql } from "drizzle-orm";
import { check, customType, index, integer, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { categories, services } from "./catalogue";
import { establishments } from "./geography";
import { tickets } from "./tickets";
import { users } from "./users";

/** The knowledge base (issue 16): articles that answer before a ticket does. */

const tsvector = customType<{ data: string }>({ dataType: () => "tsvector" });

export const articles = pgTable(
  "articles",
  {
    id: uuid().primaryKey().defaultRandom(),
    /** The article's address (/aide/<slug>, /api/v1/articles/<slug>), made from its first title. */
    slug: text().notNull().unique(),
    title: text().notNull(),
    /** Markdown; rendered by lib/knowledge/markdown.ts, never as raw HTML. */
    body: text().notNull(),
    /** "schools": school staff read it too; "staff": the Région's and Académie's staff only. */
    audience: text().$type<"schools" | "staff">().notNull(),
    state: text().$type<"draft" | "published" | "archived">().notNull().default("draft"),
    keywords: text().array().notNull().default([]),
    /** The number of the latest row of article_versions. */
    version: integer().notNull().default(1),
    readCount: integer().notNull().default(0),
    /** The resolved ticket it was made from ("Transformer en article"), if any. */
    sourceTicketId: uuid().references(() => tickets.id, { onDelete: "set null" }),
    createdById: uuid().references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    publishedAt: timestamp({ withTimezone: true }),
    /** French full-text search, accents ignored: title and keywords weigh more than the body (migration 0021). */
    search: tsvector().generatedAlwaysAs(sql`article_search_vector(title, keywords, body)`),
  },
  (table) => [
    check("articles_audience_check", sql`${table.audience} IN ('schools', 'staff')`),
    check("articles_state_check", sql`${table.state} IN ('draft', 'published', 'archived')`),
    index("articles_search_idx").using("gin", table.search),
    index("articles_state_read_idx").on(table.state, table.readCount.desc()),
  ],
);

/** Each saved text of an article, with its author and date. */
export const articleVersions = pgTable(
  "article_versions",
  {
    articleId: uuid()
      .notNull()
      .references(() => articles.id, { onDelete: "cascade" }),
    version: integer().notNull(),
    title: text().notNull(),
    body: text().notNull(),
    state: text().$type<"draft" | "published" | "archived">().notNull(),
    authorId: uuid().references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [primaryKey({ name: "article_versions_pk", columns: [table.articleId, table.version] })],
);

export const articleServices = pgTable(
  "article_services",
  {
    articleId: uuid()
      .notNull()
      .references(() => articles.id, { onDelete: "cascade" }),
    serviceId: uuid()
      .notNull()
      .references(() => services.id, { onDelete: "cascade" }),
  },
  (table) => [
    primaryKey({ name: "article_services_pk", columns: [table.articleId, table.serviceId] }),
    index("article_services_service_idx").on(table.serviceId),
  ],
);

export const articleCategories = pgTable(
  "article_categories",
  {
    articleId: uuid()
      .notNull()
      .references(() => articles.id, { onDelete: "cascade" }),
    categoryId: uuid()
      .notNull()
      .references(() => categories.id, { onDelete: "cascade" }),
  },
  (table) => [
    primaryKey({ name: "article_categories_pk", columns: [table.articleId, table.categoryId] }),
    index("article_categories_category_idx").on(table.categoryId),
  ],
);

/** "Cela a résolu mon problème": a filing attempt an article ended without a ticket. */
export const articleDeflections = pgTable(
  "article_deflections",
  {
    id: uuid().primaryKey().defaultRandom(),
    articleId: uuid()
      .notNull()
      .references(() => articles.id, { onDelete: "cascade" }),
    establishmentId: uuid()
      .notNull()
      .references(() => establishments.id, { onDelete: "cascade" }),
    serviceId: uuid()
      .notNull()
      .references(() => services.id, { onDelete: "cascade" }),
    categoryId: uuid()
      .notNull()
      .references(() => categories.id, { onDelete: "cascade" }),
    userId: uuid().references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    index("article_deflections_establishment_idx").on(table.establishmentId, table.createdAt),
    index("article_deflections_service_idx").on(table.serviceId, table.createdAt),
  ],
);

/** Images and files of an article, kept under UPLOAD_DIR through the tickets' attachment policy (lib/attachments/policy.ts). */
export const articleFiles = pgTable(
  "article_files",
  {
    id: uuid().primaryKey().defaultRandom(),
    articleId: uuid()
      .notNull()
      .references(() => articles.id, { onDelete: "cascade" }),
    fileName: text().notNull(),
    contentType: text().notNull(),
    sizeBytes: integer().notNull(),
    storageKey: text().notNull().unique(),
    uploadedById: uuid().references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index("article_files_article_idx").on(table.articleId, table.createdAt)],
);
