-- Approvals before routing (issue 15). The new enum values are only used once this migration has committed:
-- PostgreSQL refuses a value added in the same transaction, and the migrator runs every pending file in one.
ALTER TYPE "public"."ticket_status" ADD VALUE IF NOT EXISTS 'awaiting_approval' BEFORE 'new';--> statement-breakpoint
ALTER TYPE "public"."ticket_event_kind" ADD VALUE IF NOT EXISTS 'approval';--> statement-breakpoint
ALTER TABLE "categories" ADD COLUMN "approval_levels" text[] DEFAULT '{}' NOT NULL;--> statement-breakpoint
ALTER TABLE "categories" ADD COLUMN "project" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "categories" ADD CONSTRAINT "categories_approval_levels_known" CHECK ("approval_levels" <@ ARRAY['school_head', 'secretary_general', 'sector_lead']::text[]);--> statement-breakpoint
-- Seed 001: filtering exceptions and administrator delegations are signed by the head (or a delegate); the annual
-- equipment request goes to the secrétaire général; a project (new software to qualify) is admitted by the head,
-- then by the zone's sector lead (seed 003).
UPDATE "categories" SET "approval_levels" = ARRAY['school_head'] WHERE "code" IN ('SEC-FILTRAGE', 'SRV-DELEGATION');--> statement-breakpoint
UPDATE "categories" SET "approval_levels" = ARRAY['secretary_general'] WHERE "code" = 'EQUIP-DOTATION';--> statement-breakpoint
UPDATE "categories" SET "approval_levels" = ARRAY['school_head', 'sector_lead'], "project" = true WHERE "code" = 'LOGPED-QUALIF';--> statement-breakpoint
-- The signatory is now the approval itself: the free-text "signed_by" field goes.
UPDATE "categories" SET "fields" = coalesce((SELECT jsonb_agg("field") FROM jsonb_array_elements("fields") AS "field" WHERE "field"->>'name' <> 'signed_by'), '[]'::jsonb)
  WHERE "code" IN ('SEC-FILTRAGE', 'SRV-DELEGATION');--> statement-breakpoint
CREATE TABLE "approval_delegates" (
	"establishment_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"named_by_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "approval_delegates_pk" PRIMARY KEY("establishment_id","user_id")
);--> statement-breakpoint
ALTER TABLE "approval_delegates" ADD CONSTRAINT "approval_delegates_establishment_fk" FOREIGN KEY ("establishment_id") REFERENCES "public"."establishments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "approval_delegates" ADD CONSTRAINT "approval_delegates_user_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "approval_delegates" ADD CONSTRAINT "approval_delegates_named_by_fk" FOREIGN KEY ("named_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE TABLE "ticket_approvals" (
	"ticket_id" uuid NOT NULL,
	"level" smallint NOT NULL,
	"approver_kind" text NOT NULL,
	"state" text DEFAULT 'waiting' NOT NULL,
	"opened_at" timestamp with time zone,
	"reminded_at" timestamp with time zone,
	"decided_at" timestamp with time zone,
	"decided_by_id" uuid,
	"decided_function" text,
	"reason" text,
	CONSTRAINT "ticket_approvals_pk" PRIMARY KEY("ticket_id","level"),
	CONSTRAINT "ticket_approvals_state" CHECK ("state" IN ('waiting', 'pending', 'approved', 'refused', 'expired'))
);--> statement-breakpoint
ALTER TABLE "ticket_approvals" ADD CONSTRAINT "ticket_approvals_ticket_fk" FOREIGN KEY ("ticket_id") REFERENCES "public"."tickets"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ticket_approvals" ADD CONSTRAINT "ticket_approvals_decided_by_fk" FOREIGN KEY ("decided_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "ticket_approvals_pending_idx" ON "ticket_approvals" ("opened_at") WHERE "state" = 'pending';
