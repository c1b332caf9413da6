CREATE INDEX "tickets_team_status_priority_idx" ON "tickets" USING btree ("assigned_team_id","status","priority","created_at","id");--> statement-breakpoint
CREATE INDEX "tickets_team_status_updated_idx" ON "tickets" USING btree ("assigned_team_id","status","updated_at","id");--> statement-breakpoint
CREATE INDEX "tickets_team_status_due_idx" ON "tickets" USING btree ("assigned_team_id","status","resolve_by","id");--> statement-breakpoint
CREATE INDEX "tickets_open_team_priority_idx" ON "tickets" USING btree ("assigned_team_id","priority","created_at","id") WHERE "tickets"."status" IN ('new', 'assigned', 'in_progress', 'waiting_requester', 'waiting_vendor');--> statement-breakpoint
CREATE INDEX "tickets_open_team_updated_idx" ON "tickets" USING btree ("assigned_team_id","updated_at","id") WHERE "tickets"."status" IN ('new', 'assigned', 'in_progress', 'waiting_requester', 'waiting_vendor');--> statement-breakpoint
CREATE INDEX "tickets_open_team_due_idx" ON "tickets" USING btree ("assigned_team_id","resolve_by","id") WHERE "tickets"."status" IN ('new', 'assigned', 'in_progress', 'waiting_requester', 'waiting_vendor');--> statement-breakpoint
CREATE INDEX "tickets_open_unassigned_created_idx" ON "tickets" USING btree ("created_at","id") WHERE "tickets"."assignee_id" IS NULL AND "tickets"."status" IN ('new', 'assigned', 'in_progress', 'waiting_requester', 'waiting_vendor');
