CREATE TABLE "campaigns" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"year" integer NOT NULL,
	"survey_from" date NOT NULL,
	"survey_to" date NOT NULL,
	"analysis_from" date NOT NULL,
	"analysis_to" date NOT NULL,
	"allocation_from" date NOT NULL,
	"allocation_to" date NOT NULL,
	"delivery_from" date NOT NULL,
	"delivery_to" date NOT NULL,
	"pupils_per_workstation" integer DEFAULT 4 NOT NULL,
	"criteria" text[] DEFAULT '{}' NOT NULL,
	"created_by_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "campaigns_year_unique" UNIQUE("year"),
	CONSTRAINT "campaigns_phases_ordered" CHECK ("survey_from" <= "survey_to" AND "survey_to" < "analysis_from" AND "analysis_from" <= "analysis_to" AND "analysis_to" < "allocation_from" AND "allocation_from" <= "allocation_to" AND "allocation_to" < "delivery_from" AND "delivery_from" <= "delivery_to")
);
--> statement-breakpoint
CREATE TABLE "campaign_catalogue_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"campaign_id" uuid NOT NULL,
	"code" text NOT NULL,
	"label" text NOT NULL,
	"class" "ci_class" NOT NULL,
	"model" text NOT NULL,
	"unit_cost" integer NOT NULL,
	CONSTRAINT "campaign_catalogue_unit_cost" CHECK ("unit_cost" >= 0)
);
--> statement-breakpoint
CREATE TABLE "campaign_envelopes" (
	"campaign_id" uuid NOT NULL,
	"zone_id" uuid NOT NULL,
	"euros" integer NOT NULL,
	CONSTRAINT "campaign_envelopes_campaign_id_zone_id_pk" PRIMARY KEY("campaign_id","zone_id"),
	CONSTRAINT "campaign_envelopes_euros" CHECK ("euros" >= 0)
);
--> statement-breakpoint
ALTER TABLE "campaigns" ADD CONSTRAINT "campaigns_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaign_catalogue_items" ADD CONSTRAINT "campaign_catalogue_items_campaign_id_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaign_envelopes" ADD CONSTRAINT "campaign_envelopes_campaign_id_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaign_envelopes" ADD CONSTRAINT "campaign_envelopes_zone_id_zones_id_fk" FOREIGN KEY ("zone_id") REFERENCES "public"."zones"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "campaign_catalogue_items_code_idx" ON "campaign_catalogue_items" USING btree ("campaign_id","code");
