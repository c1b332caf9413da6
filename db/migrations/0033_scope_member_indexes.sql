CREATE INDEX "tickets_team_created_idx" ON "tickets" USING btree ("assigned_team_id","created_at","id");--> statement-breakpoint
CREATE INDEX "tickets_taken_by_created_idx" ON "tickets" USING btree ("taken_by_id","created_at","id") WHERE "tickets"."taken_by_id" IS NOT NULL;
