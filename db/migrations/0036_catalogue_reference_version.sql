-- The filing takes its category and the critical periods from the per-process reference cache too
-- (lib/services/routing/reference-cache.ts): writes to the catalogue and to the critical periods, with their schools,
-- bump `reference_version` as migration 0034's tables do, so a process sees them at its next filing.
CREATE TRIGGER "services_reference_version" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "services" FOR EACH STATEMENT EXECUTE FUNCTION "bump_reference_version"();--> statement-breakpoint
CREATE TRIGGER "categories_reference_version" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "categories" FOR EACH STATEMENT EXECUTE FUNCTION "bump_reference_version"();--> statement-breakpoint
CREATE TRIGGER "critical_periods_reference_version" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "critical_periods" FOR EACH STATEMENT EXECUTE FUNCTION "bump_reference_version"();--> statement-breakpoint
CREATE TRIGGER "critical_period_establishments_reference_version" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "critical_period_establishments" FOR EACH STATEMENT EXECUTE FUNCTION "bump_reference_version"();
