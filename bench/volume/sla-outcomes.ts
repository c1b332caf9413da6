import type { ClientBase } from "pg";
import { DEFAULT_SLA_TARGETS, OUVERT_RESOLVE_FACTOR } from "@/lib/domain/sla-commitment";
import { OPEN_STATUSES } from "@/lib/domain/ticket-status";

/**
 * What the SLA refresh and the requesters leave on tickets, for the dashboards' benchmarks: deadlines,
 * state, the outcome of stopped clocks (owned/resolved business minutes and whether they were met),
 * vendor waits with their due dates, and ratings with a few comments. Plausible rather than computed
 * (business-time arithmetic over 250,000 tickets in SQL would not say more about query speed):
 *
 * - a commitment from the default policy by priority (time to resolve × 3 in `ouvert` schools; none in
 *   `hors_perimetre` schools but for incidents);
 * - time to own: log-uniform between 5 % and 250 % of the target (about three in four met) for every
 *   ticket someone took or that was resolved; time to resolve: between 10 % and 300 % (about two in
 *   three met) for resolved and closed ones; deadlines at the target in business minutes ≈ 3.36 wall
 *   minutes each (50 opening hours a week); open tickets at risk or breached by their deadline;
 * - a vendor wait for every ticket waiting for one, and for 3 % of resolved hardware incidents (most
 *   back in time);
 * - a rating for 35 % of closed tickets (mostly 4 and 5), a comment with one in five.
 *
 * Idempotent: does nothing once some ticket has an outcome. Runs inside the caller's transaction.
 */

const WALL_PER_BUSINESS_MINUTE = (7 * 24 * 60) / (5 * 10 * 60);

const RATING_COMMENTS = [
  "Intervention rapide, merci.",
  "Technicien très disponible et pédagogue.",
  "Le problème est revenu deux jours après.",
  "Délai un peu long pour une salle de cours bloquée.",
  "Parfait, tout fonctionne de nouveau.",
  "Merci pour les explications.",
  "Il a fallu relancer plusieurs fois.",
  "Très satisfait du suivi.",
];

export async function hasSlaOutcomes(client: ClientBase): Promise<boolean> {
  const { rows } = await client.query("SELECT 1 FROM tickets WHERE owned_minutes IS NOT NULL OR resolved_minutes IS NOT NULL LIMIT 1");
  return rows.length > 0;
}

export async function fillSlaOutcomes(client: ClientBase, log: (message: string) => void): Promise<void> {
  if (await hasSlaOutcomes(client)) return;
  const targets = (key: "own" | "resolve") =>
    `CASE t.priority ${Object.entries(DEFAULT_SLA_TARGETS)
      .map(([priority, target]) => `WHEN '${priority}' THEN ${target[key]}`)
      .join(" ")} END`;
  const open = OPEN_STATUSES.map((status) => `'${status}'`).join(", ");
  let started = performance.now();
  await client.query(`
    WITH facts AS (
      SELECT t.id,
        ${targets("own")} AS own_target,
        ${targets("resolve")} * CASE WHEN e.support_mode = 'ouvert' THEN ${OUVERT_RESOLVE_FACTOR} ELSE 1 END AS resolve_target,
        (e.support_mode <> 'hors_perimetre' OR t.type = 'incident') AS committed,
        random() AS r_own, random() AS r_resolve
      FROM tickets t JOIN establishments e ON e.id = t.establishment_id
    ),
    drawn AS (
      SELECT f.*, round(f.own_target * exp(ln(0.05) + f.r_own * (ln(2.5) - ln(0.05))))::int AS owned,
        round(f.resolve_target * exp(ln(0.1) + f.r_resolve * (ln(3) - ln(0.1))))::int AS resolved
      FROM facts f
    )
    UPDATE tickets t SET
      own_by = CASE WHEN d.committed THEN t.created_at + d.own_target * ${WALL_PER_BUSINESS_MINUTE} * interval '1 minute' END,
      resolve_by = CASE WHEN d.committed THEN t.created_at + d.resolve_target * ${WALL_PER_BUSINESS_MINUTE} * interval '1 minute' END,
      own_met = CASE WHEN d.committed AND t.status <> 'cancelled' AND (t.status NOT IN ('new') OR t.resolved_at IS NOT NULL) THEN d.owned <= d.own_target END,
      owned_minutes = CASE WHEN d.committed AND t.status <> 'cancelled' AND (t.status NOT IN ('new') OR t.resolved_at IS NOT NULL) THEN d.owned END,
      resolve_met = CASE WHEN d.committed AND t.status IN ('resolved', 'closed') THEN d.resolved <= d.resolve_target END,
      resolved_minutes = CASE WHEN d.committed AND t.status IN ('resolved', 'closed') THEN d.resolved END,
      taken_at = CASE WHEN t.assignee_id IS NOT NULL THEN t.created_at + d.owned * ${WALL_PER_BUSINESS_MINUTE} * interval '1 minute' END,
      sla_state = CASE
        WHEN NOT d.committed THEN NULL
        WHEN t.status NOT IN (${open}) THEN 'ok'
        WHEN t.created_at + d.resolve_target * ${WALL_PER_BUSINESS_MINUTE} * interval '1 minute' <= now() THEN 'breached'
        WHEN t.created_at + d.resolve_target * 0.75 * ${WALL_PER_BUSINESS_MINUTE} * interval '1 minute' <= now() THEN 'at_risk'
        ELSE 'ok' END,
      sla_version = 1
    FROM drawn d WHERE d.id = t.id`);
  log(`  SLA outcomes: ${((performance.now() - started) / 1000).toFixed(1)} s`);

  started = performance.now();
  // Hardware incidents sent to a vendor and back (3 %), then every ticket waiting for a vendor now.
  await client.query(`
    UPDATE tickets t SET vendor_id = (SELECT id FROM vendors ORDER BY name OFFSET floor(random() * (SELECT count(*) FROM vendors))::int LIMIT 1)
    FROM categories c WHERE c.id = t.category_id AND c.hardware AND t.type = 'incident' AND t.status IN ('resolved', 'closed')
      AND t.vendor_id IS NULL AND random() < 0.03`);
  await client.query(`
    INSERT INTO vendor_waits (ticket_id, since, vendor_id, due_at, ended_at)
    SELECT t.id, w.since, t.vendor_id, w.since + interval '1 day' * (1 + floor(random() * 3)),
      CASE WHEN t.status IN ('resolved', 'closed') THEN least(t.resolved_at, w.since + interval '1 hour' * (4 + random() * 90)) END
    FROM tickets t
    CROSS JOIN LATERAL (SELECT CASE WHEN t.status = 'waiting_vendor' THEN t.updated_at - random() * (t.updated_at - t.created_at) * 0.5
                                    ELSE t.created_at + (t.resolved_at - t.created_at) * 0.2 END AS since) w
    WHERE t.vendor_id IS NOT NULL AND (t.status = 'waiting_vendor' OR t.resolved_at IS NOT NULL)
    ON CONFLICT DO NOTHING`);
  log(`  vendor waits: ${((performance.now() - started) / 1000).toFixed(1)} s`);

  started = performance.now();
  await client.query(
    `INSERT INTO ticket_ratings (ticket_id, score, comment, rated_by_id, created_at)
     SELECT t.id, CASE WHEN r.s < 0.45 THEN 5 WHEN r.s < 0.80 THEN 4 WHEN r.s < 0.92 THEN 3 WHEN r.s < 0.97 THEN 2 ELSE 1 END,
       CASE WHEN r.c < 0.2 THEN ($1::text[])[1 + floor(r.p * cardinality($1::text[]))::int] END, t.requester_id,
       least(t.closed_at + r.d * interval '3 days', now())
     FROM tickets t CROSS JOIN LATERAL (SELECT random() AS s, random() AS c, random() AS p, random() AS d, random() AS keep WHERE t.id IS NOT NULL) r
     WHERE t.status = 'closed' AND r.keep < 0.35
     ON CONFLICT DO NOTHING`,
    [RATING_COMMENTS],
  );
  log(`  ratings: ${((performance.now() - started) / 1000).toFixed(1)} s`);
}
