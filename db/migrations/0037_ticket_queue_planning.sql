-- What the planner needs to read a queue's page in order at the national volume (issue 19).
--
-- A ticket's status and its SLA state are not independent: only an open ticket is at risk or breached. Taking them as
-- independent, the planner expected 4,600 open tickets at risk where there were 104,000, and read a team's at-risk
-- page by intersecting two bitmaps (16 ms) instead of walking tickets_open_team_due_idx (1 ms). A multivariate MCV list
-- gives it the two columns' joint frequencies.
CREATE STATISTICS "tickets_status_sla_state_stats" (mcv) ON "status", "sla_state" FROM "tickets";--> statement-breakpoint
-- 2,200 teams nationally (each school's queue is one): the default 100 most common values left most proximity teams
-- out, and PROX-OUEST's 6,900 tickets were estimated at 330, its open queue at 14 where it holds 266. Expecting fewer
-- rows than a page, the planner read and joined them all, then sorted (2.2 ms against 0.3).
ALTER TABLE "tickets" ALTER COLUMN "assigned_team_id" SET STATISTICS 1000;--> statement-breakpoint
-- The open queue's default sort, newest first, as 0031 indexed its other sorts: a team's open tickets were found by
-- another sort's index and sorted (EQ-E-SD_OPE nationally: 407 rows joined and sorted for a page of 25, 2.9 ms).
CREATE INDEX "tickets_open_team_created_idx" ON "tickets" USING btree ("assigned_team_id","created_at","id") WHERE "tickets"."status" IN ('new', 'assigned', 'in_progress', 'waiting_requester', 'waiting_vendor');--> statement-breakpoint
ANALYZE "tickets";
