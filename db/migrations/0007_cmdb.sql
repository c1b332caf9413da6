-- Trigram matching for the CMDB's text search ("CZC338" finds "CZC3380PFS"); pg_trgm is a trusted extension shipped with PostgreSQL.
CREATE EXTENSION IF NOT EXISTS pg_trgm;--> statement-breakpoint
CREATE TABLE "ci_history" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"ci_id" uuid NOT NULL,
	"author_id" uuid,
	"source" text NOT NULL,
	"changes" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "ci_installations" (
	"ci_id" uuid NOT NULL,
	"software_id" uuid NOT NULL,
	"version" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "ci_installations_ci_id_software_id_pk" PRIMARY KEY("ci_id","software_id")
);
--> statement-breakpoint
ALTER TABLE "configuration_items" ADD COLUMN "warranty_end_override" date;--> statement-breakpoint
ALTER TABLE "configuration_items" ADD COLUMN "search_text" text GENERATED ALWAYS AS (name || ' ' || coalesce(serial_number, '') || ' ' || coalesce(asset_number, '') || ' ' || coalesce(region_number, '') || ' ' || coalesce(model, '') || ' ' || coalesce(room, '')) STORED;--> statement-breakpoint
ALTER TABLE "ci_history" ADD CONSTRAINT "ci_history_ci_id_configuration_items_id_fk" FOREIGN KEY ("ci_id") REFERENCES "public"."configuration_items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ci_history" ADD CONSTRAINT "ci_history_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ci_installations" ADD CONSTRAINT "ci_installations_ci_id_configuration_items_id_fk" FOREIGN KEY ("ci_id") REFERENCES "public"."configuration_items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ci_installations" ADD CONSTRAINT "ci_installations_software_id_configuration_items_id_fk" FOREIGN KEY ("software_id") REFERENCES "public"."configuration_items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "ci_history_ci_idx" ON "ci_history" USING btree ("ci_id","created_at","id");--> statement-breakpoint
CREATE INDEX "ci_installations_software_idx" ON "ci_installations" USING btree ("software_id");--> statement-breakpoint
CREATE INDEX "cis_name_idx" ON "configuration_items" USING btree ("name","id");--> statement-breakpoint
CREATE INDEX "cis_class_name_idx" ON "configuration_items" USING btree ("class","name","id");--> statement-breakpoint
CREATE INDEX "cis_search_trgm_idx" ON "configuration_items" USING gin ("search_text" gin_trgm_ops);