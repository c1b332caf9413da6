-- The version of the reference data web processes cache (lib/services/routing/reference-cache.ts): routing rules and
-- their SLA policies, teams, calendar closures. Every statement that writes one of those tables bumps it in its own
-- transaction, whoever writes (the app, a seed, psql), so a process sees the change at its next filing.
CREATE TABLE "reference_version" (
	"singleton" boolean PRIMARY KEY DEFAULT true NOT NULL,
	"version" bigint DEFAULT 0 NOT NULL,
	CONSTRAINT "reference_version_singleton" CHECK ("reference_version"."singleton")
);--> statement-breakpoint
INSERT INTO "reference_version" DEFAULT VALUES;--> statement-breakpoint
CREATE FUNCTION "bump_reference_version"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	UPDATE "reference_version" SET "version" = "version" + 1;
	RETURN NULL;
END
$$;--> statement-breakpoint
CREATE TRIGGER "routing_rules_reference_version" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "routing_rules" FOR EACH STATEMENT EXECUTE FUNCTION "bump_reference_version"();--> statement-breakpoint
CREATE TRIGGER "sla_policies_reference_version" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "sla_policies" FOR EACH STATEMENT EXECUTE FUNCTION "bump_reference_version"();--> statement-breakpoint
CREATE TRIGGER "teams_reference_version" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "teams" FOR EACH STATEMENT EXECUTE FUNCTION "bump_reference_version"();--> statement-breakpoint
CREATE TRIGGER "calendar_closures_reference_version" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "calendar_closures" FOR EACH STATEMENT EXECUTE FUNCTION "bump_reference_version"();
