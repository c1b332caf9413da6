CREATE TABLE "dashboard_summaries" (
	"period_kind" text PRIMARY KEY NOT NULL,
	"period_from" date NOT NULL,
	"period_to" date NOT NULL,
	"computed_at" timestamp with time zone NOT NULL,
	"figures" jsonb NOT NULL,
	CONSTRAINT "dashboard_summaries_period_kind" CHECK ("dashboard_summaries"."period_kind" IN ('30d', '90d', 'school-year'))
);
