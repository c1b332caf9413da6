import type { ClientBase } from "pg";
import { CI_MIX, CI_NAME_CODES } from "./vocabulary";

const SLOTS = 1_000;

/** One row per thousandth of the class mix, so a uniform draw picks a class (and a make) with its weight. */
function classSlots(): Array<{ class: string; code: string; brand: string; model: string; criticality: string }> {
  const slots = CI_MIX.flatMap((entry) =>
    Array.from({ length: entry.weight }, (_, n) => {
      const [brand, model] = entry.makes[n % entry.makes.length]!;
      return { class: entry.class, code: CI_NAME_CODES[entry.class] ?? entry.class, brand, model, criticality: entry.criticality };
    }),
  );
  if (slots.length !== SLOTS) throw new Error(`CI_MIX weights must add up to ${SLOTS}, not ${slots.length}`);
  return slots;
}

/**
 * Tops the CMDB up to `total` items, spread evenly over the schools, in one INSERT … SELECT.
 * Names (`<uai>-v-<class code><number>`) never meet the demo inventory's; networked equipment
 * hangs off one of the school's existing switches. Returns how many items were added.
 */
export async function topUpInventory(client: ClientBase, total: number): Promise<number> {
  const {
    rows: [counts],
  } = await client.query<{ existing: string; last: string }>(
    `SELECT count(*) AS existing, coalesce(max(substring(name FROM '-v-[a-z]+([0-9]+)$')::int), 0) AS last FROM configuration_items`,
  );
  const missing = total - Number(counts!.existing);
  if (missing <= 0) return 0;

  const slots = classSlots();
  await client.query(
    `CREATE TEMP TABLE bench_ci_slots (slot int PRIMARY KEY, class ci_class, code text, brand text, model text, criticality ci_criticality) ON COMMIT DROP`,
  );
  await client.query(
    `INSERT INTO bench_ci_slots SELECT ordinality - 1, class::ci_class, code, brand, model, criticality::ci_criticality
     FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[]) WITH ORDINALITY AS s(class, code, brand, model, criticality)`,
    [
      slots.map((s) => s.class),
      slots.map((s) => s.code),
      slots.map((s) => s.brand),
      slots.map((s) => s.model),
      slots.map((s) => s.criticality),
    ],
  );
  const inserted = await client.query(
    `WITH schools AS (
       SELECT id, lower(uai) AS code, (row_number() OVER (ORDER BY uai) - 1)::int AS k, count(*) OVER ()::int AS n FROM establishments
     ),
     switches AS (
       SELECT id, establishment_id, (row_number() OVER (PARTITION BY establishment_id ORDER BY name) - 1)::int AS k,
              count(*) OVER (PARTITION BY establishment_id)::int AS n
       FROM configuration_items WHERE class = 'network_switch'
     ),
     draws AS MATERIALIZED (
       SELECT g, floor(random() * ${SLOTS})::int AS slot, random() AS r_room, random() AS r_status, random() AS r_date,
              random() AS r_attr, random() AS r_parent, random() AS r_funding
       FROM generate_series($1::int + 1, $1::int + $2::int) AS g
     ),
     items AS (
       SELECT d.*, s.id AS establishment_id, s.code AS school_code, sl.class, sl.code AS class_code, sl.brand, sl.model, sl.criticality
       FROM draws d JOIN schools s ON s.k = d.g % s.n JOIN bench_ci_slots sl ON sl.slot = d.slot
     )
     INSERT INTO configuration_items (name, class, establishment_id, building, room, status, criticality, brand, model,
       serial_number, asset_number, region_number, purchase_date, funding, parent_id, attributes)
     SELECT i.school_code || '-v-' || i.class_code || lpad(i.g::text, 6, '0'), i.class, i.establishment_id,
       chr(65 + floor(i.r_room * 4)::int),
       chr(65 + floor(i.r_room * 4)::int) || (1 + floor(i.r_room * 1000)::int % 3) || lpad((1 + floor(i.r_room * 100000)::int % 24)::text, 2, '0'),
       (CASE WHEN i.r_status < 0.85 THEN 'production' WHEN i.r_status < 0.90 THEN 'stock' WHEN i.r_status < 0.93 THEN 'repair'
             WHEN i.r_status < 0.98 THEN 'obsolete' ELSE 'disposed' END)::ci_status,
       i.criticality, i.brand, i.model,
       upper(substr(md5('bench-ci-' || i.g), 1, 12)), 'INV-V' || lpad(i.g::text, 7, '0'),
       CASE WHEN i.r_funding < 0.9 THEN 'RCVL-' || lpad(i.g::text, 7, '0') END,
       date '2015-01-15' + floor(i.r_date * (date '2026-06-30' - date '2015-01-15'))::int,
       (CASE WHEN i.r_funding < 0.9 THEN 'region' ELSE 'own_funds' END)::funding,
       sw.id,
       CASE WHEN i.class IN ('pc', 'laptop') THEN jsonb_build_object(
              'os_family', 'Windows', 'os_version', CASE WHEN i.r_attr < 0.8 THEN '11' ELSE '10' END,
              'ram_mb', (ARRAY[4096, 8192, 16384])[1 + floor(i.r_attr * 3)::int], 'disk_gb', (ARRAY[256, 512])[1 + floor(i.r_attr * 2)::int])
            ELSE '{}'::jsonb END
     FROM items i
     LEFT JOIN (SELECT DISTINCT establishment_id, n FROM switches) sn
       ON sn.establishment_id = i.establishment_id AND i.class IN ('pc', 'printer', 'video_projector', 'wifi_access_point', 'ip_phone')
     LEFT JOIN switches sw ON sw.establishment_id = sn.establishment_id AND sw.k = floor(i.r_parent * sn.n)::int
     ON CONFLICT (establishment_id, name) DO NOTHING`,
    [Number(counts!.last), missing],
  );
  return inserted.rowCount ?? 0;
}
