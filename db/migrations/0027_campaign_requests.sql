ALTER TABLE "campaigns" ADD COLUMN "survey_mailed_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "campaigns" ADD COLUMN "allocation_mailed_at" timestamp with time zone;--> statement-breakpoint
CREATE TABLE "campaign_requests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"campaign_id" uuid NOT NULL,
	"establishment_id" uuid NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"pupils" integer,
	"notes" text,
	"advice_ticket_id" uuid,
	"submitted_at" timestamp with time zone,
	"submitted_by_id" uuid,
	"approved_at" timestamp with time zone,
	"approved_by_id" uuid,
	"allocated_at" timestamp with time zone,
	"allocated_by_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by_id" uuid,
	CONSTRAINT "campaign_requests_status" CHECK ("status" IN ('draft', 'submitted', 'approved')),
	CONSTRAINT "campaign_requests_pupils" CHECK ("pupils" IS NULL OR "pupils" >= 0)
);
--> statement-breakpoint
CREATE TABLE "campaign_request_lines" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"request_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"room" text,
	"catalogue_code" text NOT NULL,
	"quantity" integer NOT NULL,
	"kind" text NOT NULL,
	"justification" text NOT NULL,
	"priority" integer NOT NULL,
	"granted_quantity" integer,
	"allocation_reason" text,
	CONSTRAINT "campaign_request_lines_quantity" CHECK ("quantity" > 0),
	CONSTRAINT "campaign_request_lines_granted" CHECK ("granted_quantity" IS NULL OR "granted_quantity" >= 0),
	CONSTRAINT "campaign_request_lines_kind" CHECK ("kind" IN ('renewal', 'extension')),
	CONSTRAINT "campaign_request_lines_priority" CHECK ("priority" BETWEEN 1 AND 3)
);
--> statement-breakpoint
ALTER TABLE "campaign_requests" ADD CONSTRAINT "campaign_requests_campaign_id_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaign_requests" ADD CONSTRAINT "campaign_requests_establishment_id_establishments_id_fk" FOREIGN KEY ("establishment_id") REFERENCES "public"."establishments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaign_requests" ADD CONSTRAINT "campaign_requests_advice_ticket_id_tickets_id_fk" FOREIGN KEY ("advice_ticket_id") REFERENCES "public"."tickets"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaign_requests" ADD CONSTRAINT "campaign_requests_submitted_by_id_users_id_fk" FOREIGN KEY ("submitted_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaign_requests" ADD CONSTRAINT "campaign_requests_approved_by_id_users_id_fk" FOREIGN KEY ("approved_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaign_requests" ADD CONSTRAINT "campaign_requests_allocated_by_id_users_id_fk" FOREIGN KEY ("allocated_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaign_request_lines" ADD CONSTRAINT "campaign_request_lines_request_id_campaign_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."campaign_requests"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "campaign_requests_school_idx" ON "campaign_requests" USING btree ("campaign_id","establishment_id");--> statement-breakpoint
CREATE INDEX "campaign_requests_establishment_idx" ON "campaign_requests" USING btree ("establishment_id");--> statement-breakpoint
CREATE UNIQUE INDEX "campaign_request_lines_position_idx" ON "campaign_request_lines" USING btree ("request_id","position");
