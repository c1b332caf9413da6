CREATE TYPE "public"."onboarding_state" AS ENUM('a_integrer', 'en_cours', 'integre');--> statement-breakpoint
CREATE TABLE "staff_functions" (
	"code" text PRIMARY KEY NOT NULL,
	"label" text NOT NULL,
	"position" integer NOT NULL
);
--> statement-breakpoint
INSERT INTO "staff_functions" ("code", "label", "position") VALUES
	('chef_etablissement', 'Chef d''établissement', 1),
	('adjoint', 'Adjoint', 2),
	('gestionnaire', 'Secrétaire général / adjoint-gestionnaire', 3),
	('csl', 'Correspondant support local (CSL)', 4),
	('gestionnaire_reseau', 'Gestionnaire réseau', 5),
	('referent_numerique', 'Référent numérique', 6),
	('autre', 'Autre', 7);--> statement-breakpoint
CREATE TABLE "password_links" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"purpose" text NOT NULL,
	"token_hash" text NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"used_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "password_links_token_hash_unique" UNIQUE("token_hash")
);
--> statement-breakpoint
ALTER TABLE "password_links" ADD CONSTRAINT "password_links_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "password_links_user_idx" ON "password_links" USING btree ("user_id","purpose");--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "phone" text;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "function_code" text;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "notification_email" text;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "password_set_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "sso_subject" text;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "updated_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "updated_by_id" uuid;--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_function_code_staff_functions_code_fk" FOREIGN KEY ("function_code") REFERENCES "public"."staff_functions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
-- Accounts that had a password before this migration chose it at some point: count them as set.
UPDATE "users" SET "password_set_at" = "created_at" WHERE "password_hash" IS NOT NULL;--> statement-breakpoint
ALTER TABLE "team_members" ADD COLUMN "is_primary" boolean DEFAULT false NOT NULL;--> statement-breakpoint
-- Each existing member's earliest team becomes their primary one.
UPDATE "team_members" SET "is_primary" = true FROM (
	SELECT DISTINCT ON ("user_id") "user_id", "team_id" FROM "team_members" ORDER BY "user_id", "joined_at", "team_id"
) AS "first" WHERE "team_members"."user_id" = "first"."user_id" AND "team_members"."team_id" = "first"."team_id";--> statement-breakpoint
CREATE UNIQUE INDEX "team_members_one_primary_idx" ON "team_members" USING btree ("user_id") WHERE "team_members"."is_primary";--> statement-breakpoint
ALTER TABLE "vendors" ADD COLUMN "contract_reference" text;--> statement-breakpoint
ALTER TABLE "vendors" ADD COLUMN "contact_email" text;--> statement-breakpoint
ALTER TABLE "establishments" ADD COLUMN "onboarding_state" "onboarding_state" DEFAULT 'integre' NOT NULL;--> statement-breakpoint
ALTER TABLE "establishments" ADD COLUMN "updated_by_id" uuid;--> statement-breakpoint
CREATE TABLE "onboarding_meetings" (
	"establishment_id" uuid NOT NULL,
	"meeting" text NOT NULL,
	"planned_on" date,
	"held_on" date,
	"notes" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "onboarding_meetings_establishment_id_meeting_pk" PRIMARY KEY("establishment_id","meeting")
);
--> statement-breakpoint
ALTER TABLE "onboarding_meetings" ADD CONSTRAINT "onboarding_meetings_establishment_id_establishments_id_fk" FOREIGN KEY ("establishment_id") REFERENCES "public"."establishments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE TABLE "room_support_modes" (
	"establishment_id" uuid NOT NULL,
	"room" text NOT NULL,
	"support_mode" "support_mode" NOT NULL,
	CONSTRAINT "room_support_modes_establishment_id_room_pk" PRIMARY KEY("establishment_id","room")
);
--> statement-breakpoint
ALTER TABLE "room_support_modes" ADD CONSTRAINT "room_support_modes_establishment_id_establishments_id_fk" FOREIGN KEY ("establishment_id") REFERENCES "public"."establishments"("id") ON DELETE cascade ON UPDATE no action;
