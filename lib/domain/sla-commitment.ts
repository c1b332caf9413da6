/**
 * What a ticket is committed to: the policies' targets per priority (time to own, time to resolve,
 * in business minutes), the support mode's effect on them, and the share of a target after which a
 * clock is at risk. Pure.
 */
import { PRIORITIES, type Priority, type SupportMode, type TicketType } from "./vocabulary";

/** Business minutes to own (TTO) and to resolve (TTR) a ticket. */
export type SlaTarget = { readonly own: number; readonly resolve: number };

/** A policy: targets per priority, in business minutes (same shape as `sla_policies.targets`). */
export type SlaTargets = { readonly [priority in Priority]: SlaTarget };

/** What one ticket is committed to, in business minutes; `null` from {@link commitmentFor} when nothing is. */
export type SlaCommitment = SlaTarget;

/** The default policy (service-catalogue.json, default_sla_business_minutes). */
export const DEFAULT_SLA_TARGETS: SlaTargets = Object.freeze({
  P1: Object.freeze({ own: 30, resolve: 4 * 60 }),
  P2: Object.freeze({ own: 2 * 60, resolve: 10 * 60 }),
  P3: Object.freeze({ own: 4 * 60, resolve: 30 * 60 }),
  P4: Object.freeze({ own: 10 * 60, resolve: 100 * 60 }),
});

/** In `ouvert` support mode the time to resolve is multiplied by this; the time to own is not. */
export const OUVERT_RESOLVE_FACTOR = 3;

/** A clock is at risk once this share of its target is used. */
export const AT_RISK_PERCENT = 75;

/**
 * The commitment of one ticket:
 * - `normal`: the policy's targets for the priority;
 * - `ouvert`: the same, with the time to resolve multiplied by {@link OUVERT_RESOLVE_FACTOR};
 * - `hors_perimetre`: the policy's targets for hardware incidents only, `null` (no commitment at
 *   all: no deadline, no alarm) for anything else.
 *
 * Throws a RangeError when the policy's targets for the priority are not positive whole minutes.
 */
export function commitmentFor(input: {
  readonly targets: SlaTargets;
  readonly priority: Priority;
  readonly supportMode: SupportMode;
  readonly category: { readonly type: TicketType; readonly hardware: boolean };
}): SlaCommitment | null {
  const { targets, priority, supportMode, category } = input;
  const target = targets[priority];
  assertCommitment(target, `SLA targets of ${priority}`);
  switch (supportMode) {
    case "normal":
      return { own: target.own, resolve: target.resolve };
    case "ouvert":
      return { own: target.own, resolve: target.resolve * OUVERT_RESOLVE_FACTOR };
    case "hors_perimetre":
      return category.type === "incident" && category.hardware ? { own: target.own, resolve: target.resolve } : null;
  }
}

/** Throws a RangeError unless every priority has positive whole-minute targets. */
export function assertSlaTargets(targets: SlaTargets): void {
  for (const priority of PRIORITIES) assertCommitment(targets[priority], `SLA targets of ${priority}`);
}

/** Throws a RangeError unless `commitment` holds positive whole-minute targets. */
export function assertCommitment(commitment: SlaTarget | undefined, name: string): asserts commitment is SlaTarget {
  if (!commitment) throw new RangeError(`${name} are missing`);
  for (const key of ["own", "resolve"] as const) {
    const minutes = commitment[key];
    if (!Number.isSafeInteger(minutes) || minutes <= 0) {
      throw new RangeError(`${name}: "${key}" must be a positive whole number of business minutes, got ${minutes}`);
    }
  }
}
