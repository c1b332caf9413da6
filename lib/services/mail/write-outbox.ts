import type { Executor } from "@/db/client";
import { outboxEmails } from "@/db/schema";
import type { RenderedEmail } from "@/lib/mail/templates";

/** One person's e-mail: its idempotency key (writing it again writes nothing), the ticket it is about, if any. */
export type OutboxLetter = { idempotencyKey: string; email: RenderedEmail; ticketId?: string | null };

/**
 * Writes one e-mail per person into the outbox, in the caller's transaction (the change and its mail commit
 * together); a key already written is skipped. Returns the ids written, for the caller to enqueue after commit.
 */
export async function writeOutbox<Person extends { id: string; email: string }>(
  tx: Executor,
  people: Person[],
  letterTo: (person: Person) => OutboxLetter,
  now: Date,
): Promise<string[]> {
  const insert = outboxInsert(tx, people, letterTo, now);
  return insert ? (await insert).map((row) => row.id) : [];
}

/** `writeOutbox`'s INSERT, unrun, returning the ids written (a filing runs it with the rest of its statement); null for nobody. */
export function outboxInsert<Person extends { id: string; email: string }>(
  db: Executor,
  people: Person[],
  letterTo: (person: Person) => OutboxLetter,
  now: Date,
) {
  if (!people.length) return null;
  return db
    .insert(outboxEmails)
    .values(
      people.map((person) => {
        const { idempotencyKey, email, ticketId } = letterTo(person);
        return {
          idempotencyKey,
          ticketId: ticketId ?? null,
          recipientId: person.id,
          toAddress: person.email,
          subject: email.subject,
          textBody: email.text,
          htmlBody: email.html,
          createdAt: now,
        };
      }),
    )
    .onConflictDoNothing({ target: outboxEmails.idempotencyKey })
    .returning({ id: outboxEmails.id });
}

/** An e-mail to one person, as the outbox will hold it (`writeLetters`). */
export type Letter = { id: string; email: string; letter: OutboxLetter };

/** Writes letters, gathered from several pieces of news, into the outbox in one statement; returns the ids written. */
export const writeLetters = (tx: Executor, letters: Letter[], now: Date): Promise<string[]> =>
  writeOutbox(tx, letters, (each) => each.letter, now);

/** `writeLetters`'s INSERT, unrun; null without letters. */
export const lettersInsert = (db: Executor, letters: Letter[], now: Date) => outboxInsert(db, letters, (each) => each.letter, now);
