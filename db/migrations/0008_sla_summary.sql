CREATE INDEX "ticket_events_sla_escalations_idx" ON "ticket_events" USING btree ("created_at") WHERE "ticket_events"."kind" = 'escalated' AND "ticket_events"."data"->>'target' = 'sla';--> statement-breakpoint
CREATE INDEX "tickets_team_owned_idx" ON "tickets" USING btree ("assigned_team_id",least("taken_at", "first_public_reply_at", "resolved_at"));--> statement-breakpoint
CREATE INDEX "vendor_waits_ended_due_idx" ON "vendor_waits" USING btree ("ended_at","due_at");--> statement-breakpoint
CREATE INDEX "vendor_waits_due_idx" ON "vendor_waits" USING btree ("due_at");