import { inArray } from "drizzle-orm";
import { database } from "@/db/client";
import { listCis, type CiCursor } from "@/db/queries/ci-list";
import { configurationItems, vendors } from "@/db/schema";
import type { Caller } from "@/lib/domain/caller";
import { ciReadScope } from "@/lib/domain/ci-access";
import { CI_ATTRIBUTES } from "@/lib/domain/ci-classes";
import { IMPORT_COLUMNS } from "@/lib/domain/ci-import";
import type { ListCisQuery } from "@/lib/schemas/cis";
import { ciView } from "./ci-view";
import { writeCsv } from "./csv";
import { listFilters } from "./list-cis";

const PAGE = 1000;
/** What the export adds after the import's columns: computed, so the import ignores them. */
const COMPUTED = ["computed_warranty_end", "ownership_transfer", "age_years", "renewal_candidate"];

/**
 * Any filtered list as CSV, streamed page by page. Its columns are the import's (so an exported file,
 * edited and imported again, changes only what was edited), then the computed lifecycle.
 */
export function exportCis(caller: Caller, query: Omit<ListCisQuery, "cursor" | "limit">, now: Date): ReadableStream<Uint8Array> {
  const filters = listFilters(query, now);
  const scope = ciReadScope(caller);
  const encoder = new TextEncoder();
  let after: CiCursor | undefined;
  let started = false;
  return new ReadableStream({
    async pull(controller) {
      if (!started) {
        started = true;
        controller.enqueue(encoder.encode(writeCsv([[...IMPORT_COLUMNS, ...COMPUTED]])));
        return;
      }
      const db = database();
      const page = await listCis(db, { ...filters, scope, after, limit: PAGE });
      const parentIds = [...new Set(page.items.map((item) => item.parentId).filter((id): id is string => id !== null))];
      const [parents, vendorRows] = await Promise.all([
        parentIds.length ? db.select({ id: configurationItems.id, name: configurationItems.name }).from(configurationItems).where(inArray(configurationItems.id, parentIds)) : [],
        db.select({ id: vendors.id, name: vendors.name }).from(vendors),
      ]);
      const parentName = new Map(parents.map((parent) => [parent.id, parent.name]));
      const vendorName = new Map(vendorRows.map((vendor) => [vendor.id, vendor.name]));
      const rows = page.items.map((item) => {
        const view = ciView(item, filters.today, filters.renewalAgeYears);
        const cells: Record<string, unknown> = {
          name: item.name, class: item.class, establishment_uai: item.establishment.uai, status: item.status, criticality: item.criticality,
          building: item.building, room: item.room, brand: item.brand, model: item.model, serial_number: item.serialNumber, asset_number: item.assetNumber,
          region_number: item.regionNumber, purchase_date: item.purchaseDate, delivery_date: item.deliveryDate, warranty_end: item.warrantyEndOverride,
          funding: item.funding, maintainer: item.maintainerId ? vendorName.get(item.maintainerId) : null,
          parent: item.parentId ? parentName.get(item.parentId) : null, notes: item.notes,
          ...Object.fromEntries(Object.keys(CI_ATTRIBUTES).map((key) => [key, item.attributes[key]])),
        };
        return [...IMPORT_COLUMNS.map((column) => cells[column]), view.warranty.end, view.ownership.transfer, view.ageYears, view.renewal.candidate ? "oui" : "non"];
      });
      if (rows.length) controller.enqueue(encoder.encode(writeCsv(rows, { bom: false })));
      if (!page.next) controller.close();
      else after = page.next;
    },
  });
}
