CREATE TABLE "vendor_access" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"ticket_id" uuid NOT NULL,
	"team_id" uuid NOT NULL,
	"granted_at" timestamp with time zone NOT NULL,
	"ended_at" timestamp with time zone,
	"shared_event_ids" bigint[] DEFAULT '{}' NOT NULL,
	"shared_attachment_ids" uuid[] DEFAULT '{}' NOT NULL
);
--> statement-breakpoint
ALTER TABLE "vendor_access" ADD CONSTRAINT "vendor_access_ticket_id_tickets_id_fk" FOREIGN KEY ("ticket_id") REFERENCES "public"."tickets"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vendor_access" ADD CONSTRAINT "vendor_access_team_id_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."teams"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "vendor_access_ticket_idx" ON "vendor_access" USING btree ("ticket_id");--> statement-breakpoint
CREATE INDEX "vendor_access_team_idx" ON "vendor_access" USING btree ("team_id","ended_at");--> statement-breakpoint
-- Escalations made before this migration: the vendor's queue watched the ticket. Each becomes a grant (with its
-- escalation event shared), running if the ticket still waits for that vendor, ended now otherwise; the watcher rows go.
INSERT INTO "vendor_access" ("ticket_id", "team_id", "granted_at", "ended_at", "shared_event_ids")
SELECT w."ticket_id", w."team_id", coalesce(e."created_at", k."updated_at"),
	CASE WHEN k."status" = 'waiting_vendor' AND k."vendor_id" = t."vendor_id" THEN NULL ELSE now() END,
	CASE WHEN e."id" IS NULL THEN '{}'::bigint[] ELSE ARRAY[e."id"] END
FROM "ticket_watchers" w
JOIN "teams" t ON t."id" = w."team_id" AND t."party" = 'vendor'
JOIN "tickets" k ON k."id" = w."ticket_id"
LEFT JOIN LATERAL (
	SELECT "id", "created_at" FROM "ticket_events"
	WHERE "ticket_id" = w."ticket_id" AND "kind" = 'escalated' AND "data"->>'notifyTeamId' = w."team_id"::text
	ORDER BY "created_at" DESC, "id" DESC LIMIT 1
) e ON true;--> statement-breakpoint
DELETE FROM "ticket_watchers" w USING "teams" t WHERE t."id" = w."team_id" AND t."party" = 'vendor';
