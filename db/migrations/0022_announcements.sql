CREATE TABLE "announcements" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"title" text NOT NULL,
	"body" text NOT NULL,
	"kind" text NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"zones" text[] DEFAULT '{}' NOT NULL,
	"establishments" text[] DEFAULT '{}' NOT NULL,
	"services" text[] DEFAULT '{}' NOT NULL,
	"major_ticket_id" uuid,
	"created_by_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"end_mailed_at" timestamp with time zone,
	CONSTRAINT "announcements_kind" CHECK ("kind" IN ('outage', 'planned')),
	CONSTRAINT "announcements_order" CHECK ("ends_at" >= "starts_at")
);
--> statement-breakpoint
CREATE TABLE "announcement_establishments" (
	"announcement_id" uuid NOT NULL,
	"establishment_id" uuid NOT NULL,
	"reported_by_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "announcement_establishments_pk" PRIMARY KEY("announcement_id","establishment_id")
);
--> statement-breakpoint
ALTER TABLE "tickets" ADD COLUMN "major_incident_id" uuid;--> statement-breakpoint
ALTER TABLE "announcements" ADD CONSTRAINT "announcements_major_ticket_id_tickets_id_fk" FOREIGN KEY ("major_ticket_id") REFERENCES "public"."tickets"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "announcements" ADD CONSTRAINT "announcements_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "announcement_establishments" ADD CONSTRAINT "announcement_establishments_announcement_id_announcements_id_fk" FOREIGN KEY ("announcement_id") REFERENCES "public"."announcements"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "announcement_establishments" ADD CONSTRAINT "announcement_establishments_establishment_id_establishments_id_fk" FOREIGN KEY ("establishment_id") REFERENCES "public"."establishments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "announcement_establishments" ADD CONSTRAINT "announcement_establishments_reported_by_id_users_id_fk" FOREIGN KEY ("reported_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tickets" ADD CONSTRAINT "tickets_major_incident_id_tickets_id_fk" FOREIGN KEY ("major_incident_id") REFERENCES "public"."tickets"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "announcements_ends_at_idx" ON "announcements" USING btree ("ends_at","starts_at");--> statement-breakpoint
CREATE INDEX "announcements_end_unmailed_idx" ON "announcements" USING btree ("ends_at") WHERE "announcements"."end_mailed_at" IS NULL;--> statement-breakpoint
CREATE INDEX "tickets_major_incident_idx" ON "tickets" USING btree ("major_incident_id") WHERE "tickets"."major_incident_id" IS NOT NULL;
