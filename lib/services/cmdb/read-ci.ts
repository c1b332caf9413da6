import { database } from "@/db/client";
import { childCount, childrenOf, ciById, descendantIds, historyOf, installationsOf, ticketsOnCis } from "@/db/queries/ci-detail";
import { ciInterventions } from "@/db/queries/interventions";
import type { Caller } from "@/lib/domain/caller";
import { canReadCisOf, canWriteCisOf } from "@/lib/domain/ci-access";
import { DEFAULT_RENEWAL_AGE_YEARS } from "@/lib/domain/ci-lifecycle";
import { parentRule } from "@/lib/domain/ci-relations";
import { ticketScope } from "@/lib/domain/ticket-visibility";
import { parisDay } from "@/lib/domain/business-calendar";
import { ciView } from "./ci-view";

const CHILDREN_SHOWN = 200;

/** One item as the API returns it, or null when it does not exist or the caller may not see it (the same answer). */
export async function readCi(caller: Caller, id: string, now: Date) {
  const record = await ciById(database(), id);
  if (!record || !canReadCisOf(caller, record)) return null;
  const { establishmentId: _e, zoneId: _z, createdAt, ...row } = record;
  return { ...ciView(row, parisDay(now), DEFAULT_RENEWAL_AGE_YEARS), createdAt: createdAt.toISOString(), record };
}

/**
 * The item's page: the item, its neighbours both ways (uplink or host above, what hangs below, software
 * installed on it or the computers running it), the tickets that named it (open and past, within what the
 * caller may see), the open incidents on what is below it, its history and the interventions that touched it.
 */
export async function ciPage(caller: Caller, id: string, now: Date) {
  const item = await readCi(caller, id, now);
  if (!item) return null;
  const db = database();
  const scope = ticketScope(caller, now);
  const below = await descendantIds(db, id);
  const [children, childTotal, installed, openTickets, pastTickets, openBelow, history, interventions] = await Promise.all([
    childrenOf(db, id, CHILDREN_SHOWN),
    childCount(db, id),
    installationsOf(db, id, item.class === "software" ? "software" : "host", 300),
    ticketsOnCis(db, { ciIds: [id], scope, open: true, limit: 50 }),
    ticketsOnCis(db, { ciIds: [id], scope, open: false, limit: 20 }),
    ticketsOnCis(db, { ciIds: below, scope, open: true, limit: 50 }),
    historyOf(db, id, 100),
    ciInterventions(db, id, scope, 50),
  ]);
  const { record, ...ci } = item;
  return {
    ci,
    parentKind: parentRule(ci.class)?.kind ?? null,
    children,
    childTotal,
    belowTotal: below.length,
    installed,
    openTickets,
    pastTickets,
    openBelow,
    openIncidentsBelow: openBelow.filter((ticket) => ticket.type === "incident").length,
    history,
    interventions,
    canWrite: canWriteCisOf(caller, record),
  };
}
