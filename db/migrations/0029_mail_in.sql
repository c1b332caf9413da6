CREATE TABLE "mail_in_messages" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"mailbox" text NOT NULL,
	"uid_validity" bigint NOT NULL,
	"uid" bigint NOT NULL,
	"message_id" text,
	"from_address" text,
	"subject" text DEFAULT '' NOT NULL,
	"outcome" text NOT NULL,
	"reason" text,
	"ticket_id" uuid,
	"event_id" bigint,
	"handled_at" timestamp with time zone NOT NULL,
	CONSTRAINT "mail_in_messages_outcome_known" CHECK ("mail_in_messages"."outcome" IN ('comment', 'ticket', 'answered', 'ignored', 'bounce', 'failed'))
);
--> statement-breakpoint
ALTER TABLE "mail_in_messages" ADD CONSTRAINT "mail_in_messages_ticket_id_tickets_id_fk" FOREIGN KEY ("ticket_id") REFERENCES "public"."tickets"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "mail_in_messages_uid_idx" ON "mail_in_messages" USING btree ("mailbox","uid_validity","uid");--> statement-breakpoint
CREATE INDEX "mail_in_messages_message_id_idx" ON "mail_in_messages" USING btree ("message_id");
