CREATE TABLE "deliveries" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"campaign_year" integer,
	"establishment_id" uuid NOT NULL,
	"supplier" text NOT NULL,
	"delivered_on" date NOT NULL,
	"check_by" timestamp with time zone NOT NULL,
	"state" text DEFAULT 'delivered' NOT NULL,
	"created_by_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"checked_by_id" uuid,
	"checked_at" timestamp with time zone,
	"ticket_id" uuid,
	CONSTRAINT "deliveries_state" CHECK ("state" IN ('delivered', 'checked', 'with_anomalies', 'deemed_compliant'))
);
--> statement-breakpoint
CREATE TABLE "delivery_lines" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"delivery_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"code" text NOT NULL,
	"label" text NOT NULL,
	"class" "ci_class" NOT NULL,
	"model" text NOT NULL,
	"quantity" integer NOT NULL,
	"room" text,
	"expected_serials" text[] DEFAULT '{}' NOT NULL,
	"received" integer,
	"received_serials" text[] DEFAULT '{}' NOT NULL,
	"anomaly" text,
	"anomaly_serials" text[] DEFAULT '{}' NOT NULL,
	"anomaly_note" text,
	CONSTRAINT "delivery_lines_quantity" CHECK ("quantity" > 0 AND ("received" IS NULL OR "received" >= 0)),
	CONSTRAINT "delivery_lines_anomaly" CHECK ("anomaly" IS NULL OR "anomaly" IN ('missing', 'wrong_model', 'damaged', 'other'))
);
--> statement-breakpoint
CREATE TABLE "delivery_items" (
	"line_id" uuid NOT NULL,
	"ci_id" uuid NOT NULL,
	CONSTRAINT "delivery_items_line_id_ci_id_pk" PRIMARY KEY("line_id","ci_id")
);
--> statement-breakpoint
CREATE TABLE "delivery_replacements" (
	"ci_id" uuid PRIMARY KEY NOT NULL,
	"line_id" uuid NOT NULL,
	"replaced_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "deliveries" ADD CONSTRAINT "deliveries_campaign_year_campaigns_year_fk" FOREIGN KEY ("campaign_year") REFERENCES "public"."campaigns"("year") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deliveries" ADD CONSTRAINT "deliveries_establishment_id_establishments_id_fk" FOREIGN KEY ("establishment_id") REFERENCES "public"."establishments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deliveries" ADD CONSTRAINT "deliveries_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deliveries" ADD CONSTRAINT "deliveries_checked_by_id_users_id_fk" FOREIGN KEY ("checked_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deliveries" ADD CONSTRAINT "deliveries_ticket_id_tickets_id_fk" FOREIGN KEY ("ticket_id") REFERENCES "public"."tickets"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "delivery_lines" ADD CONSTRAINT "delivery_lines_delivery_id_deliveries_id_fk" FOREIGN KEY ("delivery_id") REFERENCES "public"."deliveries"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "delivery_items" ADD CONSTRAINT "delivery_items_line_id_delivery_lines_id_fk" FOREIGN KEY ("line_id") REFERENCES "public"."delivery_lines"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "delivery_items" ADD CONSTRAINT "delivery_items_ci_id_configuration_items_id_fk" FOREIGN KEY ("ci_id") REFERENCES "public"."configuration_items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "delivery_replacements" ADD CONSTRAINT "delivery_replacements_ci_id_configuration_items_id_fk" FOREIGN KEY ("ci_id") REFERENCES "public"."configuration_items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "delivery_replacements" ADD CONSTRAINT "delivery_replacements_line_id_delivery_lines_id_fk" FOREIGN KEY ("line_id") REFERENCES "public"."delivery_lines"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "deliveries_establishment_idx" ON "deliveries" USING btree ("establishment_id","delivered_on");--> statement-breakpoint
CREATE INDEX "deliveries_due_idx" ON "deliveries" USING btree ("check_by") WHERE "deliveries"."state" = 'delivered';--> statement-breakpoint
CREATE INDEX "deliveries_campaign_idx" ON "deliveries" USING btree ("campaign_year");--> statement-breakpoint
CREATE INDEX "delivery_lines_delivery_idx" ON "delivery_lines" USING btree ("delivery_id","position");--> statement-breakpoint
CREATE INDEX "delivery_replacements_line_idx" ON "delivery_replacements" USING btree ("line_id");
