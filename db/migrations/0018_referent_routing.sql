ALTER TYPE "public"."ticket_event_kind" ADD VALUE 'visit_planned';--> statement-breakpoint
-- "Assigner au référent de l'établissement" is on by default for the proximity teams' rules (issue 14).
UPDATE "routing_rules" SET "assign_to_referent" = true, "version" = "version" + 1 WHERE "team_code" LIKE 'PROX-%' AND NOT "assign_to_referent";
