import { database } from "@/db/client";
import { endedUnmailedAnnouncementIds } from "@/db/queries/announcements";
import { afterCommit } from "../after-commit";
import { recordEndMails } from "./announcement-mail";

/**
 * The mailAnnouncementEnds job: each announcement past its end and not yet told is mailed, one transaction each (row
 * locked and marked with the outbox rows), so a restart, a retry or two workers mail each end once. Returns how many.
 */
export async function mailEndedAnnouncements(now: Date): Promise<number> {
  let mailed = 0;
  for (const id of await endedUnmailedAnnouncementIds(database(), now)) {
    const outboxIds = await database().transaction((tx) => recordEndMails(tx, id, now));
    if (outboxIds === null) continue;
    mailed += 1;
    await afterCommit({ outboxIds });
  }
  return mailed;
}
