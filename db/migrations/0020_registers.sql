-- The registers a school must keep (issue 15): filtering exceptions and delegations of administration rights,
-- each written when its request is approved. Dates are Paris days; an entry is in force from `starts_on` until
-- the day before `ends_on` (on `ends_on` it shows "expirée").
CREATE TABLE "filtering_exceptions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"establishment_id" uuid NOT NULL REFERENCES "establishments"("id") ON DELETE CASCADE,
	"url" text NOT NULL,
	"decision" text NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date NOT NULL,
	"approved_by_id" uuid REFERENCES "users"("id") ON DELETE SET NULL,
	"approved_at" timestamp with time zone NOT NULL,
	"ticket_id" uuid NOT NULL UNIQUE REFERENCES "tickets"("id") ON DELETE CASCADE,
	"reminder_sent_at" timestamp with time zone,
	"removal_ticket_id" uuid REFERENCES "tickets"("id") ON DELETE SET NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "filtering_exceptions_decision" CHECK ("decision" IN ('allow', 'deny')),
	CONSTRAINT "filtering_exceptions_dates" CHECK ("ends_on" > "starts_on")
);--> statement-breakpoint
CREATE INDEX "filtering_exceptions_establishment_idx" ON "filtering_exceptions" ("establishment_id", "ends_on");--> statement-breakpoint
CREATE INDEX "filtering_exceptions_pending_end_idx" ON "filtering_exceptions" ("ends_on") WHERE "removal_ticket_id" IS NULL;--> statement-breakpoint
CREATE TABLE "delegations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"establishment_id" uuid NOT NULL REFERENCES "establishments"("id") ON DELETE CASCADE,
	"delegate_id" uuid REFERENCES "users"("id") ON DELETE SET NULL,
	"delegate_name" text NOT NULL,
	"scope" text NOT NULL,
	"actions" text NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date NOT NULL,
	"approved_by_id" uuid REFERENCES "users"("id") ON DELETE SET NULL,
	"approved_at" timestamp with time zone NOT NULL,
	"ticket_id" uuid NOT NULL UNIQUE REFERENCES "tickets"("id") ON DELETE CASCADE,
	"review_due_on" date NOT NULL,
	"needs_review" text,
	"ended_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "delegations_needs_review" CHECK ("needs_review" IN ('head_changed', 'delegate_left', 'anniversary')),
	CONSTRAINT "delegations_dates" CHECK ("ends_on" > "starts_on")
);--> statement-breakpoint
CREATE INDEX "delegations_establishment_idx" ON "delegations" ("establishment_id", "ends_on");--> statement-breakpoint
CREATE INDEX "delegations_delegate_idx" ON "delegations" ("delegate_id") WHERE "delegate_id" IS NOT NULL;--> statement-breakpoint
CREATE INDEX "delegations_review_due_idx" ON "delegations" ("review_due_on") WHERE "ended_at" IS NULL;--> statement-breakpoint
-- SRV-DELEGATION asks, after the person's name, for their address (to find their account) and the rooms or
-- equipment concerned (seed 004's `ouvert` mode): inserted beside "person", the category's other fields untouched.
UPDATE "categories" AS "c" SET "fields" = (
	SELECT jsonb_agg("x"."v" ORDER BY "x"."n", "x"."sub")
	FROM (
		SELECT "f"."n", 0 AS "sub", "f"."v" FROM jsonb_array_elements("c"."fields") WITH ORDINALITY AS "f"("v", "n")
		UNION ALL
		SELECT "f"."n", "s"."sub", "s"."v"
		FROM jsonb_array_elements("c"."fields") WITH ORDINALITY AS "f"("v", "n")
		CROSS JOIN (VALUES
			(1, '{"name": "person_email", "kind": "text", "label": "Adresse électronique de la personne (si elle a un compte)", "required": false}'::jsonb),
			(2, '{"name": "scope", "kind": "text", "label": "Salles ou équipements concernés"}'::jsonb)
		) AS "s"("sub", "v")
		WHERE "f"."v"->>'name' = 'person'
	) AS "x"
)
WHERE "c"."code" = 'SRV-DELEGATION' AND NOT "c"."fields" @> '[{"name": "scope"}]'::jsonb;
