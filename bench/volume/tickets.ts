import type { ClientBase } from "pg";
import { CLOSINGS, COMMENTS, OPENINGS } from "./vocabulary";

/** Teams a ticket is re-qualified to after the on-site team looked at it (second level, service desk, vendors). */
const SECOND_LEVEL_TEAMS = [
  "EQ-E-SD_OPE",
  "EQ-E-GSI",
  "EQ-E-INFRA_GSI",
  "EQ-E-DEP-GSI",
  "EQ-E-LTSP",
  "EQ-E-INFRA_PREST",
  "PREST-SCC",
  "PREST-ECONOCOM",
];

/** Numbered lookups the ticket plan draws from with equality joins: a team's technicians, a school's staff, a school's equipment of a class. */
async function createLookups(client: ClientBase): Promise<void> {
  await client.query(`CREATE TEMP TABLE bench_team_techs ON COMMIT DROP AS
    SELECT m.team_id, (row_number() OVER (PARTITION BY m.team_id ORDER BY u.email) - 1)::int AS k, count(*) OVER (PARTITION BY m.team_id)::int AS n, u.id AS user_id
    FROM team_members m JOIN users u ON u.id = m.user_id WHERE u.role = 'technician' AND u.disabled_at IS NULL`);
  await client.query(`CREATE TEMP TABLE bench_staff ON COMMIT DROP AS
    SELECT ue.establishment_id, (row_number() OVER (PARTITION BY ue.establishment_id ORDER BY u.email) - 1)::int AS k,
           count(*) OVER (PARTITION BY ue.establishment_id)::int AS n, u.id AS user_id
    FROM user_establishments ue JOIN users u ON u.id = ue.user_id WHERE u.role IN ('requester', 'manager')`);
  await client.query(`CREATE TEMP TABLE bench_cis ON COMMIT DROP AS
    SELECT establishment_id, class, (row_number() OVER (PARTITION BY establishment_id, class ORDER BY name) - 1)::int AS k,
           count(*) OVER (PARTITION BY establishment_id, class)::int AS n, id
    FROM configuration_items WHERE status = 'production'`);
  await client.query(`CREATE TEMP TABLE bench_team_tech_counts ON COMMIT DROP AS SELECT DISTINCT team_id, n FROM bench_team_techs`);
  await client.query(`CREATE TEMP TABLE bench_staff_counts ON COMMIT DROP AS SELECT DISTINCT establishment_id, n FROM bench_staff`);
  await client.query(`CREATE TEMP TABLE bench_ci_counts ON COMMIT DROP AS SELECT DISTINCT establishment_id, class, n FROM bench_cis`);
  for (const table of [
    "bench_team_techs",
    "bench_staff",
    "bench_cis",
    "bench_team_tech_counts",
    "bench_staff_counts",
    "bench_ci_counts",
    "bench_combos",
    "bench_combo_slots",
    "bench_phrases",
  ]) {
    await client.query(`ANALYZE ${table}`);
  }
}

/**
 * One row per ticket to create, every choice drawn with random() in a single statement (the session's
 * seed makes it repeatable): when it was filed (school days and hours, quiet summers), the school and
 * category by weight with the router's team, its age-dependent status (about a tenth still open), the
 * priority from impact × urgency, re-qualification or no team yet, the technician who took it, the
 * requester, French title and description, linked equipment, vendor escalation and a comment for some.
 */
async function createPlan(client: ClientBase, count: number, slots: number, firstDay: string): Promise<void> {
  // The planner cannot estimate joins on drawn ranks; nested loops over them cost minutes, hash joins seconds.
  await client.query("SET LOCAL enable_nestloop = off");
  await client.query(
    `CREATE TEMP TABLE bench_plan ON COMMIT DROP AS
     WITH draws AS MATERIALIZED (
       SELECT g AS n, gen_random_uuid() AS id, floor(random() * $2::int)::int AS slot,
         random() AS r_time, random() AS r_season, random() AS r_weekend, random() AS r_hour, random() AS r_open, random() AS r_status,
         random() AS r_impact, random() AS r_urgency, random() AS r_team, random() AS r_requal, random() AS r_second, random() AS r_assign,
         random() AS r_tech, random() AS r_staff, random() AS r_title, random() AS r_detail, random() AS r_opening, random() AS r_closing,
         random() AS r_room, random() AS r_duration, random() AS r_close, random() AS r_touch, random() AS r_ci, random() AS r_ci_pick,
         random() AS r_comment, random() AS r_comment_pick, random() AS r_comment_at, random() AS r_vendor
       FROM generate_series(1, $1::int) AS g
     ),
     drawn AS (
       SELECT d.*, c.*, ($3::timestamptz + d.r_time * ($4::timestamptz - $3::timestamptz)) AT TIME ZONE 'Europe/Paris' AS raw_local,
         chr(65 + floor(d.r_room * 4)::int) || (1 + floor(d.r_room * 1000)::int % 3) || lpad((1 + floor(d.r_room * 100000)::int % 24)::text, 2, '0') AS room,
         -- Which requester, title, detail and piece of equipment: a rank within the school's (or category's) numbered list.
         floor(d.r_staff * sc.n)::int AS staff_k, floor(d.r_title * c.n_titles)::int AS title_k, floor(d.r_detail * c.n_details)::int AS detail_k,
         CASE WHEN d.r_ci < 0.7 THEN floor(d.r_ci_pick * cc.n)::int END AS ci_k
       FROM draws d JOIN bench_combo_slots s ON s.slot = d.slot JOIN bench_combos c ON c.combo = s.combo
       JOIN bench_staff_counts sc ON sc.establishment_id = c.establishment_id
       LEFT JOIN bench_ci_counts cc ON cc.establishment_id = c.establishment_id AND cc.class = c.ci_class
     ),
     -- Quiet summers (most of July-August moves to the school start), few weekends, school hours; annual equipment requests in February-March.
     seasoned AS (
       SELECT *, CASE
           WHEN category_code = 'EQUIP-DOTATION' THEN make_timestamp(greatest(extract(year FROM raw_local)::int, $10::int), 2 + floor(r_season * 2)::int, 1 + floor(r_weekend * 28)::int, 0, 0, 0)
           WHEN extract(month FROM raw_local) IN (7, 8) AND r_season < 0.8 THEN raw_local + interval '42 days'
           ELSE raw_local END AS season_local
       FROM drawn
     ),
     timed AS MATERIALIZED (
       SELECT *, least(
           (date_trunc('day', season_local)
             -- Nine weekend tickets in ten move to a weekday of the week before (r_weekend / 0.9 is uniform again below 0.9).
             + CASE WHEN extract(isodow FROM season_local) IN (6, 7) AND r_weekend < 0.9
                    THEN interval '-1 day' * (extract(isodow FROM season_local)::int - 5 + floor(r_weekend / 0.9 * 5)::int) ELSE interval '0' END
             + interval '7 hours 30 minutes' + r_hour * interval '10 hours') AT TIME ZONE 'Europe/Paris',
           $4::timestamptz - interval '5 minutes') AS created_at
       FROM seasoned
     ),
     statused AS (
       SELECT *,
         CASE WHEN r_open < CASE WHEN $4::timestamptz - created_at < interval '30 days' THEN 0.75 WHEN $4::timestamptz - created_at < interval '120 days' THEN 0.40
                                 WHEN $4::timestamptz - created_at < interval '365 days' THEN 0.10 ELSE 0.02 END
              THEN CASE WHEN r_status < 0.20 THEN 'new' WHEN r_status < 0.45 THEN 'assigned' WHEN r_status < 0.75 THEN 'in_progress'
                        WHEN r_status < 0.90 THEN 'waiting_requester' ELSE 'waiting_vendor' END
              WHEN r_status < 0.04 THEN 'cancelled'
              ELSE 'done' END AS phase,
         -- Time to resolve: log-uniform between 30 minutes and 30 days.
         least(created_at + exp(ln(1800) + r_duration * (ln(30 * 86400) - ln(1800))) * interval '1 second', $4::timestamptz - interval '1 minute') AS done_at
       FROM timed
     ),
     settled AS MATERIALIZED (
       SELECT *,
         (CASE WHEN phase <> 'done' THEN phase WHEN done_at > $4::timestamptz - interval '10 days' AND r_close < 0.7 THEN 'resolved' ELSE 'closed' END)::ticket_status AS status
       FROM statused
     ),
     teamed AS (
       SELECT s.*,
         (s.status = 'new' AND s.r_team < 0.30) AS no_team,
         (NOT (s.status = 'new' AND s.r_team < 0.30) AND s.prox AND s.r_requal < 0.05) AS requalified
       FROM settled s
     ),
     routed AS (
       SELECT t.*,
         CASE WHEN t.no_team THEN NULL WHEN t.requalified THEN ($5::uuid[])[1 + floor(t.r_second * cardinality($5::uuid[]))::int] ELSE t.team_id END AS final_team_id
       FROM teamed t
     ),
     assigned AS MATERIALIZED (
       SELECT r.*, CASE WHEN (r.status IN ('assigned', 'in_progress', 'waiting_requester', 'waiting_vendor') AND r.r_assign < 0.85)
                          OR (r.status IN ('resolved', 'closed') AND r.r_assign < 0.80) THEN floor(r.r_tech * tc.n)::int END AS tech_k
       FROM routed r LEFT JOIN bench_team_tech_counts tc ON tc.team_id = r.final_team_id
     )
     SELECT a.n, a.id, a.created_at, a.status, a.type, a.establishment_id, a.category_id, a.category_code, a.service_id, a.zone_code,
       a.final_team_id AS team_id, CASE WHEN a.final_team_id IS NOT NULL AND NOT a.requalified THEN a.rule_id END AS rule_id,
       CASE WHEN a.final_team_id IS NOT NULL AND NOT a.requalified THEN a.rule_name END AS rule_name,
       ft.code AS team_code, ft.name AS team_name, CASE WHEN NOT a.no_team THEN a.watcher_team_id END AS watcher_team_id,
       (CASE WHEN a.r_impact < 0.10 THEN 'school' WHEN a.r_impact < 0.40 THEN 'group' ELSE 'individual' END)::impact AS impact,
       (CASE WHEN a.r_urgency < 0.15 THEN 'high' WHEN a.r_urgency < 0.60 THEN 'medium' ELSE 'low' END)::urgency AS urgency,
       (CASE WHEN a.r_impact < 0.10 THEN (CASE WHEN a.r_urgency < 0.15 THEN 'P1' WHEN a.r_urgency < 0.60 THEN 'P2' ELSE 'P3' END)
             WHEN a.r_impact < 0.40 THEN (CASE WHEN a.r_urgency < 0.15 THEN 'P2' ELSE 'P3' END)
             ELSE (CASE WHEN a.r_urgency < 0.60 THEN 'P3' ELSE 'P4' END) END)::priority AS priority,
       tech.user_id AS assignee_id, staff.user_id AS requester_id,
       CASE WHEN a.status IN ('resolved', 'closed') THEN a.done_at END AS resolved_at,
       CASE WHEN a.status = 'closed' THEN least(a.done_at + (0.2 + a.r_close * 10) * interval '1 day', $4::timestamptz) END AS closed_at,
       a.created_at + (CASE WHEN a.status = 'cancelled' THEN least(a.r_touch * interval '3 days', $4::timestamptz - a.created_at)
                            ELSE a.r_touch * ($4::timestamptz - a.created_at) * 0.6 END) AS open_updated_at,
       replace(ti.text, '{salle}', a.room) AS title,
       ($6::text[])[1 + floor(a.r_opening * cardinality($6::text[]))::int] || ' ' || de.text || ' Salle ' || a.room || '. '
         || ($7::text[])[1 + floor(a.r_closing * cardinality($7::text[]))::int] AS description,
       ci.id AS ci_id, a.hardware,
       CASE WHEN a.status = 'waiting_vendor' THEN ($8::uuid[])[1 + floor(a.r_vendor * cardinality($8::uuid[]))::int] END AS vendor_id,
       CASE WHEN a.status = 'waiting_vendor' THEN 'INC' || lpad((a.n::bigint * 7919 % 10000000)::text, 7, '0') END AS vendor_reference,
       CASE WHEN a.r_comment < 0.30 AND a.status NOT IN ('new', 'cancelled') THEN ($9::text[])[1 + floor(a.r_comment_pick * cardinality($9::text[]))::int] END AS comment,
       a.r_comment_at, a.r_comment_pick
     FROM assigned a
     LEFT JOIN teams ft ON ft.id = a.final_team_id
     LEFT JOIN bench_team_techs tech ON tech.team_id = a.final_team_id AND tech.k = a.tech_k
     JOIN bench_staff staff ON staff.establishment_id = a.establishment_id AND staff.k = a.staff_k
     JOIN bench_phrases ti ON ti.category_code = a.category_code AND ti.kind = 'title' AND ti.k = a.title_k
     JOIN bench_phrases de ON de.category_code = a.category_code AND de.kind = 'detail' AND de.k = a.detail_k
     LEFT JOIN bench_cis ci ON ci.establishment_id = a.establishment_id AND ci.class = a.ci_class AND ci.k = a.ci_k`,
    [
      count,
      slots,
      `${firstDay} 00:00 Europe/Paris`,
      new Date().toISOString(),
      await teamIds(client, SECOND_LEVEL_TEAMS),
      OPENINGS,
      CLOSINGS,
      await vendorIds(client),
      COMMENTS,
      // The first equipment campaign (February–March) after the first day.
      Number(firstDay.slice(0, 4)) + 1,
    ],
  );
  await client.query("RESET enable_nestloop");
  await client.query("ANALYZE bench_plan");
  const {
    rows: [check],
  } = await client.query<{ planned: string }>("SELECT count(*) AS planned FROM bench_plan");
  if (Number(check!.planned) !== count)
    throw new Error(`ticket plan has ${check!.planned} rows instead of ${count} (a lookup left some out)`);
}

async function teamIds(client: ClientBase, codes: readonly string[]): Promise<string[]> {
  const { rows } = await client.query<{ id: string }>("SELECT id FROM teams WHERE code = ANY($1::text[]) ORDER BY code", [codes]);
  if (rows.length === 0) throw new Error(`none of the second-level teams exists: ${codes.join(", ")}`);
  return rows.map((row) => row.id);
}

async function vendorIds(client: ClientBase): Promise<string[]> {
  const { rows } = await client.query<{ id: string }>("SELECT id FROM vendors ORDER BY name");
  return rows.map((row) => row.id);
}

/** Writes the plan: tickets in filing order (as a live system appends them), references per year after the counters, then the counters. */
async function insertTickets(client: ClientBase): Promise<void> {
  await client.query(
    `INSERT INTO tickets (id, reference, type, status, priority, impact, urgency, title, description, flags, establishment_id, requester_id,
       service_id, category_id, assigned_team_id, assignee_id, routing_rule_id, vendor_id, vendor_reference, created_at, updated_at, resolved_at, closed_at)
     SELECT p.id,
       'GU-' || p.year || '-' || lpad((coalesce(c.last, 0) + row_number() OVER (PARTITION BY p.year ORDER BY p.created_at, p.n))::text, 6, '0'),
       p.type, p.status, p.priority, p.impact, p.urgency, p.title, p.description,
       CASE WHEN p.hardware AND p.type = 'incident' AND p.ci_id IS NULL THEN ARRAY['hors_inventaire'] ELSE ARRAY[]::text[] END,
       p.establishment_id, p.requester_id, p.service_id, p.category_id, p.team_id, p.assignee_id, p.rule_id, p.vendor_id, p.vendor_reference,
       p.created_at, coalesce(p.closed_at, p.resolved_at, p.open_updated_at), p.resolved_at, p.closed_at
     FROM (SELECT *, extract(year FROM created_at AT TIME ZONE 'Europe/Paris')::int AS year FROM bench_plan) p
     LEFT JOIN ticket_counters c ON c.year = p.year
     ORDER BY p.created_at, p.n`,
  );
  await client.query(
    `INSERT INTO ticket_counters (year, last)
     SELECT extract(year FROM created_at AT TIME ZONE 'Europe/Paris')::int, count(*) FROM bench_plan GROUP BY 1
     ON CONFLICT (year) DO UPDATE SET last = ticket_counters.last + excluded.last`,
  );
}

/**
 * The journal, as the services write it: `created` (the requester's description) and the router's
 * `assignment_changed` for every ticket; a comment for some; `status_changed` when resolved, closed
 * or cancelled. Also the linked equipment and the watchers the routing rule adds.
 */
async function insertJournal(client: ClientBase): Promise<void> {
  await client.query(
    `INSERT INTO ticket_events (ticket_id, kind, visibility, author_id, body, data, created_at)
     SELECT ticket_id, kind::ticket_event_kind, visibility::visibility, author_id, body, data, created_at FROM (
       SELECT p.id AS ticket_id, 'created' AS kind, 'public' AS visibility, p.requester_id AS author_id, p.description AS body, '{}'::jsonb AS data, p.created_at, 0 AS step
       FROM bench_plan p
       UNION ALL
       SELECT p.id, 'assignment_changed', 'public', NULL, NULL,
         jsonb_build_object('team', CASE WHEN p.team_id IS NOT NULL THEN jsonb_build_object('code', p.team_code, 'name', p.team_name) END, 'rule', p.rule_name),
         p.created_at, 1
       FROM bench_plan p
       UNION ALL
       SELECT p.id, 'comment', CASE WHEN p.r_comment_pick < 0.5 THEN 'public' ELSE 'internal' END, coalesce(p.assignee_id, p.requester_id), p.comment, '{}'::jsonb,
         p.created_at + p.r_comment_at * (coalesce(p.resolved_at, p.open_updated_at) - p.created_at), 2
       FROM bench_plan p WHERE p.comment IS NOT NULL
       UNION ALL
       SELECT p.id, 'status_changed', 'public', p.assignee_id, NULL, jsonb_build_object('from', 'in_progress', 'to', 'resolved'), p.resolved_at, 3
       FROM bench_plan p WHERE p.resolved_at IS NOT NULL
       UNION ALL
       SELECT p.id, 'status_changed', 'public', NULL, NULL, jsonb_build_object('from', 'resolved', 'to', 'closed'), p.closed_at, 4
       FROM bench_plan p WHERE p.closed_at IS NOT NULL
       UNION ALL
       SELECT p.id, 'status_changed', 'public', p.requester_id, NULL, jsonb_build_object('from', 'new', 'to', 'cancelled'), p.open_updated_at, 5
       FROM bench_plan p WHERE p.status = 'cancelled'
     ) AS journal
     ORDER BY created_at, step`,
  );
  await client.query(
    `INSERT INTO ticket_cis (ticket_id, ci_id) SELECT id, ci_id FROM bench_plan WHERE ci_id IS NOT NULL ON CONFLICT DO NOTHING`,
  );
  await client.query(
    `INSERT INTO ticket_watchers (ticket_id, team_id) SELECT id, watcher_team_id FROM bench_plan WHERE watcher_team_id IS NOT NULL ON CONFLICT DO NOTHING`,
  );
}

/** Adds `count` tickets from `firstDay` (Paris) to now with their journal, equipment links and watchers, in the caller's transaction. */
export async function addTickets(
  client: ClientBase,
  count: number,
  slots: number,
  firstDay: string,
  log: (message: string) => void,
): Promise<void> {
  const steps: Array<[string, () => Promise<void>]> = [
    ["lookups", () => createLookups(client)],
    ["plan", () => createPlan(client, count, slots, firstDay)],
    ["tickets", () => insertTickets(client)],
    ["journal, equipment links, watchers", () => insertJournal(client)],
  ];
  for (const [label, run] of steps) {
    const started = performance.now();
    await run();
    log(`  ${label}: ${((performance.now() - started) / 1000).toFixed(1)} s`);
  }
}
