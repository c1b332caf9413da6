-- Knowledge base (issue 16): articles in Markdown with their versions, linked services and categories, and the
-- deflections counted when an article answered a school before a ticket was filed.
-- The search vector joins title and keywords (weight A) to the body (weight B) with the tickets' French
-- accent-free configuration (0001). array_to_string is only STABLE in general, but for text[] it is immutable:
-- this wrapper says so, so that the vector can be a stored generated column. The configuration is named with its
-- schema: pg_restore (db:restore) creates the table under an empty search_path.
CREATE FUNCTION "article_search_vector"(title text, keywords text[], body text) RETURNS tsvector
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$ SELECT setweight(to_tsvector('public.fr_unaccent'::regconfig, coalesce(title, '') || ' ' || coalesce(array_to_string(keywords, ' '), '')), 'A') || setweight(to_tsvector('public.fr_unaccent'::regconfig, coalesce(body, '')), 'B') $$;--> statement-breakpoint
CREATE TABLE "articles" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"slug" text NOT NULL,
	"title" text NOT NULL,
	"body" text NOT NULL,
	"audience" text NOT NULL,
	"state" text DEFAULT 'draft' NOT NULL,
	"keywords" text[] DEFAULT '{}' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"read_count" integer DEFAULT 0 NOT NULL,
	"source_ticket_id" uuid,
	"created_by_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"published_at" timestamp with time zone,
	"search" tsvector GENERATED ALWAYS AS ("article_search_vector"("title", "keywords", "body")) STORED,
	CONSTRAINT "articles_slug_unique" UNIQUE("slug"),
	CONSTRAINT "articles_audience_check" CHECK ("audience" IN ('schools', 'staff')),
	CONSTRAINT "articles_state_check" CHECK ("state" IN ('draft', 'published', 'archived'))
);--> statement-breakpoint
CREATE TABLE "article_versions" (
	"article_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"title" text NOT NULL,
	"body" text NOT NULL,
	"state" text NOT NULL,
	"author_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "article_versions_pk" PRIMARY KEY("article_id","version")
);--> statement-breakpoint
CREATE TABLE "article_services" (
	"article_id" uuid NOT NULL,
	"service_id" uuid NOT NULL,
	CONSTRAINT "article_services_pk" PRIMARY KEY("article_id","service_id")
);--> statement-breakpoint
CREATE TABLE "article_categories" (
	"article_id" uuid NOT NULL,
	"category_id" uuid NOT NULL,
	CONSTRAINT "article_categories_pk" PRIMARY KEY("article_id","category_id")
);--> statement-breakpoint
CREATE TABLE "article_deflections" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"article_id" uuid NOT NULL,
	"establishment_id" uuid NOT NULL,
	"service_id" uuid NOT NULL,
	"category_id" uuid NOT NULL,
	"user_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);--> statement-breakpoint
CREATE TABLE "article_files" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"article_id" uuid NOT NULL,
	"file_name" text NOT NULL,
	"content_type" text NOT NULL,
	"size_bytes" integer NOT NULL,
	"storage_key" text NOT NULL,
	"uploaded_by_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "article_files_storage_key_unique" UNIQUE("storage_key")
);--> statement-breakpoint
ALTER TABLE "article_files" ADD CONSTRAINT "article_files_article_id_articles_id_fk" FOREIGN KEY ("article_id") REFERENCES "public"."articles"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "article_files" ADD CONSTRAINT "article_files_uploaded_by_id_users_id_fk" FOREIGN KEY ("uploaded_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "article_files_article_idx" ON "article_files" ("article_id", "created_at");--> statement-breakpoint
ALTER TABLE "articles" ADD CONSTRAINT "articles_source_ticket_id_tickets_id_fk" FOREIGN KEY ("source_ticket_id") REFERENCES "public"."tickets"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "articles" ADD CONSTRAINT "articles_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "article_versions" ADD CONSTRAINT "article_versions_article_id_articles_id_fk" FOREIGN KEY ("article_id") REFERENCES "public"."articles"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "article_versions" ADD CONSTRAINT "article_versions_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "article_services" ADD CONSTRAINT "article_services_article_id_articles_id_fk" FOREIGN KEY ("article_id") REFERENCES "public"."articles"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "article_services" ADD CONSTRAINT "article_services_service_id_services_id_fk" FOREIGN KEY ("service_id") REFERENCES "public"."services"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "article_categories" ADD CONSTRAINT "article_categories_article_id_articles_id_fk" FOREIGN KEY ("article_id") REFERENCES "public"."articles"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "article_categories" ADD CONSTRAINT "article_categories_category_id_categories_id_fk" FOREIGN KEY ("category_id") REFERENCES "public"."categories"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "article_deflections" ADD CONSTRAINT "article_deflections_article_id_articles_id_fk" FOREIGN KEY ("article_id") REFERENCES "public"."articles"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "article_deflections" ADD CONSTRAINT "article_deflections_establishment_id_establishments_id_fk" FOREIGN KEY ("establishment_id") REFERENCES "public"."establishments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "article_deflections" ADD CONSTRAINT "article_deflections_service_id_services_id_fk" FOREIGN KEY ("service_id") REFERENCES "public"."services"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "article_deflections" ADD CONSTRAINT "article_deflections_category_id_categories_id_fk" FOREIGN KEY ("category_id") REFERENCES "public"."categories"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "article_deflections" ADD CONSTRAINT "article_deflections_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "articles_search_idx" ON "articles" USING gin ("search");--> statement-breakpoint
CREATE INDEX "articles_state_read_idx" ON "articles" ("state", "read_count" DESC);--> statement-breakpoint
CREATE INDEX "article_services_service_idx" ON "article_services" ("service_id");--> statement-breakpoint
CREATE INDEX "article_categories_category_idx" ON "article_categories" ("category_id");--> statement-breakpoint
CREATE INDEX "article_deflections_establishment_idx" ON "article_deflections" ("establishment_id", "created_at");--> statement-breakpoint
CREATE INDEX "article_deflections_service_idx" ON "article_deflections" ("service_id", "created_at");
