CREATE TABLE "calendar_closures" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"team_id" uuid,
	"from_date" date NOT NULL,
	"to_date" date NOT NULL,
	"label" text NOT NULL,
	"created_by_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "calendar_closures_ordered" CHECK ("calendar_closures"."from_date" <= "calendar_closures"."to_date")
);
--> statement-breakpoint
CREATE TABLE "vendor_waits" (
	"ticket_id" uuid NOT NULL,
	"since" timestamp with time zone NOT NULL,
	"vendor_id" uuid NOT NULL,
	"due_at" timestamp with time zone,
	"ended_at" timestamp with time zone,
	CONSTRAINT "vendor_waits_ticket_id_since_pk" PRIMARY KEY("ticket_id","since")
);
--> statement-breakpoint
ALTER TABLE "teams" ADD COLUMN "weekly_hours" jsonb;--> statement-breakpoint
ALTER TABLE "teams" ADD COLUMN "escalation_levels" jsonb;--> statement-breakpoint
ALTER TABLE "vendors" ADD COLUMN "repair_commitment" jsonb;--> statement-breakpoint
ALTER TABLE "ticket_events" ADD COLUMN "idempotency_key" text;--> statement-breakpoint
ALTER TABLE "tickets" ADD COLUMN "sla_alarms" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "tickets" ADD COLUMN "sla_next_check_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "tickets" ADD COLUMN "escalation_level" smallint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "tickets" ADD COLUMN "own_met" boolean;--> statement-breakpoint
ALTER TABLE "tickets" ADD COLUMN "owned_minutes" integer;--> statement-breakpoint
ALTER TABLE "tickets" ADD COLUMN "resolve_met" boolean;--> statement-breakpoint
ALTER TABLE "tickets" ADD COLUMN "resolved_minutes" integer;--> statement-breakpoint
ALTER TABLE "calendar_closures" ADD CONSTRAINT "calendar_closures_team_id_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."teams"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "calendar_closures" ADD CONSTRAINT "calendar_closures_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vendor_waits" ADD CONSTRAINT "vendor_waits_ticket_id_tickets_id_fk" FOREIGN KEY ("ticket_id") REFERENCES "public"."tickets"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vendor_waits" ADD CONSTRAINT "vendor_waits_vendor_id_vendors_id_fk" FOREIGN KEY ("vendor_id") REFERENCES "public"."vendors"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "calendar_closures_team_idx" ON "calendar_closures" USING btree ("team_id","from_date");--> statement-breakpoint
CREATE INDEX "vendor_waits_vendor_idx" ON "vendor_waits" USING btree ("vendor_id","since");--> statement-breakpoint
CREATE UNIQUE INDEX "ticket_events_idempotency_idx" ON "ticket_events" USING btree ("ticket_id","idempotency_key") WHERE "ticket_events"."idempotency_key" IS NOT NULL;--> statement-breakpoint
CREATE INDEX "tickets_sla_next_check_idx" ON "tickets" USING btree ("sla_next_check_at") WHERE "tickets"."sla_next_check_at" IS NOT NULL;--> statement-breakpoint
CREATE INDEX "tickets_team_resolved_idx" ON "tickets" USING btree ("assigned_team_id","resolved_at");