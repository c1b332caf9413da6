import { database } from "@/db/client";
import { affiliationsOf } from "@/db/queries/affiliations";
import type { Caller } from "@/lib/domain/caller";

/** What the caller is attached to; it only ever reads the caller's own links, so it needs no further check. */
export function callerAffiliations(caller: Caller) {
  return affiliationsOf(database(), caller);
}
