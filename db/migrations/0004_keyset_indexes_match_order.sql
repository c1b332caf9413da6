DROP INDEX "tickets_establishment_created_idx";--> statement-breakpoint
DROP INDEX "tickets_requester_created_idx";--> statement-breakpoint
DROP INDEX "tickets_team_status_created_idx";--> statement-breakpoint
DROP INDEX "tickets_status_created_idx";--> statement-breakpoint
CREATE INDEX "tickets_establishment_created_idx" ON "tickets" USING btree ("establishment_id","created_at","id");--> statement-breakpoint
CREATE INDEX "tickets_requester_created_idx" ON "tickets" USING btree ("requester_id","created_at","id");--> statement-breakpoint
CREATE INDEX "tickets_team_status_created_idx" ON "tickets" USING btree ("assigned_team_id","status","created_at","id");--> statement-breakpoint
CREATE INDEX "tickets_status_created_idx" ON "tickets" USING btree ("status","created_at","id");