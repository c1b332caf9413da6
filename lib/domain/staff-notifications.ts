/**
 * Who on staff hears of a ticket's news, and how (issue 14, "told of new work"). Pure: the service loads the
 * people concerned and their preferences, this decides; the in-app list always gets the notification, the
 * delivery says what e-mail goes with it.
 */

/** What staff are told of; `approval`: a request waits for their decision (a project's sector lead, lib/services/approvals). */
export const STAFF_NOTIFICATION_KINDS = ["new_ticket", "assigned", "reply", "escalated", "approval"] as const;
export type StaffNotificationKind = (typeof STAFF_NOTIFICATION_KINDS)[number];

/** `immediate`: an e-mail each time; `digest`: in the 12:00 or 17:00 summary; `none`: the in-app list only. */
export const DELIVERIES = ["immediate", "digest", "none"] as const;
export type Delivery = (typeof DELIVERIES)[number];

export type Preferences = ReadonlyMap<string, Partial<Record<StaffNotificationKind, Delivery>>>;

export type NotificationFacts = {
  kind: StaffNotificationKind;
  /** Who made the change: never told of their own act. */
  actorId: string | null;
  /** People the news is addressed to by name: the assignee, the person escalated to, the approver. */
  direct: readonly string[];
  /** Members of the team the news is addressed to: the queue a new ticket lands in, the team escalated to. */
  team: readonly string[];
  /** The referent technician of the ticket's school (establishment_referents), if any. */
  referentId: string | null;
  /** The ticket was filed during a critical period (exams): its school's referent is told at once. */
  critical: boolean;
  preferences: Preferences;
};

export type PlannedNotification = { recipientId: string; kind: StaffNotificationKind; delivery: Delivery };

/**
 * Kinds the school's referent hears of even outside the team and the named people: seed 003, "l'agent STIL référent
 * en est automatiquement informé" when the school files.
 */
const REFERENT_KINDS: ReadonlySet<StaffNotificationKind> = new Set(["new_ticket"]);

/**
 * Kinds whose team members (neither named nor the referent) get a digest by default: a queue's steady flow of new
 * tickets. An escalation or a vendor's answer reaching a team is someone's work order now (a vendor's agents learn of
 * their repair by it): each time, as before digests existed.
 */
const TEAM_DIGEST_KINDS: ReadonlySet<StaffNotificationKind> = new Set(["new_ticket"]);

/**
 * One notification per person concerned, the actor left out. Delivery: the person's preference for the kind, else
 * the default (each time for the school's referent and for news addressed to the person by name; for the rest of the
 * team a digest of new tickets, the rest each time); during a critical period the referent gets it at once whatever
 * their preference.
 */
export function planNotifications(facts: NotificationFacts): PlannedNotification[] {
  const direct = new Set(facts.direct);
  const recipients = new Set([...facts.direct, ...facts.team]);
  if (facts.referentId && REFERENT_KINDS.has(facts.kind)) recipients.add(facts.referentId);
  if (facts.actorId) recipients.delete(facts.actorId);
  return [...recipients].map((recipientId) => {
    const isReferent = recipientId === facts.referentId;
    const preferred = facts.preferences.get(recipientId)?.[facts.kind];
    const fallback: Delivery = isReferent || direct.has(recipientId) || !TEAM_DIGEST_KINDS.has(facts.kind) ? "immediate" : "digest";
    const delivery = facts.critical && isReferent ? "immediate" : (preferred ?? fallback);
    return { recipientId, kind: facts.kind, delivery };
  });
}
