CREATE TYPE "public"."half_day" AS ENUM('am', 'pm');--> statement-breakpoint
CREATE TYPE "public"."intervention_mode" AS ENUM('remote', 'on_site');--> statement-breakpoint
CREATE TABLE "critical_period_establishments" (
	"critical_period_id" uuid NOT NULL,
	"establishment_id" uuid NOT NULL,
	CONSTRAINT "critical_period_establishments_critical_period_id_establishment_id_pk" PRIMARY KEY("critical_period_id","establishment_id")
);
--> statement-breakpoint
CREATE TABLE "critical_periods" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date NOT NULL,
	"priority_floor" "priority" DEFAULT 'P2' NOT NULL,
	"all_establishments" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by_id" uuid,
	CONSTRAINT "critical_periods_order" CHECK ("critical_periods"."ends_on" >= "critical_periods"."starts_on")
);
--> statement-breakpoint
CREATE TABLE "establishment_referents" (
	"establishment_id" uuid PRIMARY KEY NOT NULL,
	"referent_id" uuid NOT NULL,
	"backup_id" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by_id" uuid,
	CONSTRAINT "establishment_referents_backup_differs" CHECK ("establishment_referents"."backup_id" IS NULL OR "establishment_referents"."backup_id" <> "establishment_referents"."referent_id")
);
--> statement-breakpoint
CREATE TABLE "intervention_cis" (
	"intervention_id" uuid NOT NULL,
	"ci_id" uuid NOT NULL,
	CONSTRAINT "intervention_cis_intervention_id_ci_id_pk" PRIMARY KEY("intervention_id","ci_id")
);
--> statement-breakpoint
CREATE TABLE "interventions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"ticket_id" uuid NOT NULL,
	"establishment_id" uuid NOT NULL,
	"author_id" uuid NOT NULL,
	"vendor_id" uuid,
	"mode" "intervention_mode" NOT NULL,
	"started_at" timestamp with time zone NOT NULL,
	"minutes" integer NOT NULL,
	"travel_minutes" integer DEFAULT 0 NOT NULL,
	"summary" text NOT NULL,
	"details" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "interventions_minutes" CHECK ("interventions"."minutes" BETWEEN 1 AND 1440),
	CONSTRAINT "interventions_travel_minutes" CHECK ("interventions"."travel_minutes" BETWEEN 0 AND 1440)
);
--> statement-breakpoint
CREATE TABLE "technician_absences" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date NOT NULL,
	"note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by_id" uuid,
	CONSTRAINT "technician_absences_order" CHECK ("technician_absences"."ends_on" >= "technician_absences"."starts_on")
);
--> statement-breakpoint
CREATE TABLE "ticket_visits" (
	"ticket_id" uuid PRIMARY KEY NOT NULL,
	"technician_id" uuid NOT NULL,
	"on_date" date NOT NULL,
	"half_day" "half_day" NOT NULL,
	"planned_at" timestamp with time zone DEFAULT now() NOT NULL,
	"planned_by_id" uuid
);
--> statement-breakpoint
CREATE TABLE "visit_exceptions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"technician_id" uuid NOT NULL,
	"on_date" date NOT NULL,
	"half_day" "half_day" NOT NULL,
	"establishment_id" uuid,
	"note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by_id" uuid,
	CONSTRAINT "visit_exceptions_slot_unique" UNIQUE("technician_id","on_date","half_day")
);
--> statement-breakpoint
CREATE TABLE "visit_schedule" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"technician_id" uuid NOT NULL,
	"weekday" smallint NOT NULL,
	"half_day" "half_day" NOT NULL,
	"establishment_id" uuid NOT NULL,
	CONSTRAINT "visit_schedule_slot_unique" UNIQUE("technician_id","weekday","half_day"),
	CONSTRAINT "visit_schedule_weekday" CHECK ("visit_schedule"."weekday" BETWEEN 1 AND 5)
);
--> statement-breakpoint
ALTER TABLE "tickets" ADD COLUMN "critical_period_id" uuid;--> statement-breakpoint
ALTER TABLE "routing_rules" ADD COLUMN "assign_to_referent" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "critical_period_establishments" ADD CONSTRAINT "critical_period_establishments_critical_period_id_critical_periods_id_fk" FOREIGN KEY ("critical_period_id") REFERENCES "public"."critical_periods"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "critical_period_establishments" ADD CONSTRAINT "critical_period_establishments_establishment_id_establishments_id_fk" FOREIGN KEY ("establishment_id") REFERENCES "public"."establishments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "establishment_referents" ADD CONSTRAINT "establishment_referents_establishment_id_establishments_id_fk" FOREIGN KEY ("establishment_id") REFERENCES "public"."establishments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "establishment_referents" ADD CONSTRAINT "establishment_referents_referent_id_users_id_fk" FOREIGN KEY ("referent_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "establishment_referents" ADD CONSTRAINT "establishment_referents_backup_id_users_id_fk" FOREIGN KEY ("backup_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "intervention_cis" ADD CONSTRAINT "intervention_cis_intervention_id_interventions_id_fk" FOREIGN KEY ("intervention_id") REFERENCES "public"."interventions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "intervention_cis" ADD CONSTRAINT "intervention_cis_ci_id_configuration_items_id_fk" FOREIGN KEY ("ci_id") REFERENCES "public"."configuration_items"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "interventions" ADD CONSTRAINT "interventions_ticket_id_tickets_id_fk" FOREIGN KEY ("ticket_id") REFERENCES "public"."tickets"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "interventions" ADD CONSTRAINT "interventions_establishment_id_establishments_id_fk" FOREIGN KEY ("establishment_id") REFERENCES "public"."establishments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "interventions" ADD CONSTRAINT "interventions_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "interventions" ADD CONSTRAINT "interventions_vendor_id_vendors_id_fk" FOREIGN KEY ("vendor_id") REFERENCES "public"."vendors"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "technician_absences" ADD CONSTRAINT "technician_absences_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ticket_visits" ADD CONSTRAINT "ticket_visits_ticket_id_tickets_id_fk" FOREIGN KEY ("ticket_id") REFERENCES "public"."tickets"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ticket_visits" ADD CONSTRAINT "ticket_visits_technician_id_users_id_fk" FOREIGN KEY ("technician_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visit_exceptions" ADD CONSTRAINT "visit_exceptions_technician_id_users_id_fk" FOREIGN KEY ("technician_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visit_exceptions" ADD CONSTRAINT "visit_exceptions_establishment_id_establishments_id_fk" FOREIGN KEY ("establishment_id") REFERENCES "public"."establishments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visit_schedule" ADD CONSTRAINT "visit_schedule_technician_id_users_id_fk" FOREIGN KEY ("technician_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visit_schedule" ADD CONSTRAINT "visit_schedule_establishment_id_establishments_id_fk" FOREIGN KEY ("establishment_id") REFERENCES "public"."establishments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "critical_periods_dates_idx" ON "critical_periods" USING btree ("starts_on","ends_on");--> statement-breakpoint
CREATE INDEX "establishment_referents_referent_idx" ON "establishment_referents" USING btree ("referent_id");--> statement-breakpoint
CREATE INDEX "establishment_referents_backup_idx" ON "establishment_referents" USING btree ("backup_id");--> statement-breakpoint
CREATE INDEX "intervention_cis_ci_idx" ON "intervention_cis" USING btree ("ci_id");--> statement-breakpoint
CREATE INDEX "interventions_ticket_idx" ON "interventions" USING btree ("ticket_id","started_at");--> statement-breakpoint
CREATE INDEX "interventions_establishment_idx" ON "interventions" USING btree ("establishment_id","started_at");--> statement-breakpoint
CREATE INDEX "interventions_author_idx" ON "interventions" USING btree ("author_id","started_at");--> statement-breakpoint
CREATE INDEX "technician_absences_user_idx" ON "technician_absences" USING btree ("user_id","starts_on");--> statement-breakpoint
CREATE INDEX "ticket_visits_technician_idx" ON "ticket_visits" USING btree ("technician_id","on_date");--> statement-breakpoint
CREATE INDEX "visit_exceptions_establishment_idx" ON "visit_exceptions" USING btree ("establishment_id","on_date");--> statement-breakpoint
CREATE INDEX "visit_schedule_establishment_idx" ON "visit_schedule" USING btree ("establishment_id");--> statement-breakpoint
ALTER TABLE "tickets" ADD CONSTRAINT "tickets_critical_period_id_critical_periods_id_fk" FOREIGN KEY ("critical_period_id") REFERENCES "public"."critical_periods"("id") ON DELETE no action ON UPDATE no action;