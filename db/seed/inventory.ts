import { readFileSync } from "node:fs";
import path from "node:path";
import { parse } from "csv-parse/sync";
import { sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { configurationItems, establishments } from "@/db/schema";
import { CI_CLASSES, CI_CRITICALITIES, CI_STATUSES, FUNDINGS } from "@/lib/domain/vocabulary";
import { z } from "zod";
import { generateInventory, type SeedCi } from "./generated-inventory";

const emptyToNull = (value: string) => (value.trim() === "" ? null : value.trim());
const nullableText = z.string().transform(emptyToNull);
const nullableNumber = z.string().transform((value) => (value.trim() === "" ? null : Number(value)));

const sampleRow = z.object({
  name: z.string().min(1),
  class: z.enum(CI_CLASSES),
  establishment_uai: z.string(),
  status: z.enum(CI_STATUSES),
  criticality: z.enum(CI_CRITICALITIES),
  room: nullableText,
  brand: nullableText,
  model: nullableText,
  serial_number: nullableText,
  asset_number: nullableText,
  region_number: nullableText,
  os_family: nullableText,
  os_version: nullableText,
  os_install_date: nullableText,
  cpu: nullableText,
  ram_mb: nullableNumber,
  disk_gb: nullableNumber,
  purchase_date: nullableText,
  funding: z.enum(FUNDINGS),
  parent: nullableText,
});

/** The rows of sample-inventory.csv, in the generator's shape, keyed by school. */
export function readSampleInventory(): Array<SeedCi & { uai: string }> {
  const text = readFileSync(path.join(process.cwd(), "db/seed/data/sample-inventory.csv"), "utf8");
  const records = parse(text, { columns: true, skip_empty_lines: true }) as Record<string, string>[];
  return records.map((record) => {
    const row = sampleRow.parse(record);
    const attributes = Object.fromEntries(
      Object.entries({
        os_family: row.os_family,
        os_version: row.os_version,
        os_install_date: row.os_install_date,
        cpu: row.cpu,
        ram_mb: row.ram_mb,
        disk_gb: row.disk_gb,
      }).filter(([, value]) => value !== null),
    );
    return {
      uai: row.establishment_uai,
      name: row.name,
      class: row.class,
      building: null,
      room: row.room,
      status: row.status,
      criticality: row.criticality,
      brand: row.brand,
      model: row.model,
      serialNumber: row.serial_number,
      assetNumber: row.asset_number,
      regionNumber: row.region_number,
      purchaseDate: row.purchase_date,
      deliveryDate: null,
      funding: row.funding,
      attributes,
      parentName: row.parent,
    };
  });
}

/** Inserts what is missing (matched on school + name) and links parents by name; existing items are left as they are. */
async function insertInventory(tx: Executor, establishmentId: string, items: SeedCi[]): Promise<void> {
  if (items.length === 0) return;
  await tx
    .insert(configurationItems)
    .values(items.map(({ parentName: _parent, ...item }) => ({ ...item, establishmentId })))
    .onConflictDoNothing({ target: [configurationItems.establishmentId, configurationItems.name] });

  const links = items.filter((item) => item.parentName !== null);
  if (links.length === 0) return;
  const pairs = sql.join(
    links.map((item) => sql`(${item.name}, ${item.parentName})`),
    sql`, `,
  );
  await tx.execute(sql`
    UPDATE configuration_items AS child SET parent_id = parent.id
    FROM (VALUES ${pairs}) AS link(child_name, parent_name), configuration_items AS parent
    WHERE child.establishment_id = ${establishmentId} AND child.name = link.child_name AND child.parent_id IS NULL
      AND parent.establishment_id = ${establishmentId} AND parent.name = link.parent_name`);
}

export async function seedInventory(tx: Executor, { generated }: { generated: boolean }): Promise<void> {
  const schools = await tx.select({ id: establishments.id, uai: establishments.uai, type: establishments.type }).from(establishments);
  const sample = readSampleInventory();
  for (const school of schools) {
    const items = sample.filter((item) => item.uai === school.uai).map(({ uai: _uai, ...item }) => item);
    if (generated) items.push(...generateInventory(school.uai, school.type));
    await insertInventory(tx, school.id, items);
  }
}
