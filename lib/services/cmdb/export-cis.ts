import { replicaDatabase } from "@/db/client";
import { listCis, type CiCursor } from "@/db/queries/ci-list";
import type { Caller } from "@/lib/domain/caller";
import { ciReadScope } from "@/lib/domain/ci-access";
import { CI_ATTRIBUTES } from "@/lib/domain/ci-classes";
import { IMPORT_COLUMNS } from "@/lib/domain/ci-import";
import type { ListCisQuery } from "@/lib/schemas/cis";
import { ciView } from "./ci-view";
import { writeCsv } from "../csv/csv";
import { startedStream } from "../../http/started-stream";
import { listFilters } from "./list-cis";
import { vendorIdsAndNames } from "@/db/queries/vendors";
import { cisByIds } from "@/db/queries/school-cis";

const PAGE = 1000;
/** What the export adds after the import's columns: computed, so the import ignores them. */
const COMPUTED = ["computed_warranty_end", "ownership_transfer", "age_years", "renewal_candidate"];

/**
 * Any filtered list as CSV, streamed page by page. Its columns are the import's (so an exported file,
 * edited and imported again, changes only what was edited), then the computed lifecycle. The first page is
 * read before this resolves (a failing query is an error answer, not a 200); a later failure breaks the
 * transfer (startedStream).
 */
export function exportCis(caller: Caller, query: Omit<ListCisQuery, "cursor" | "limit">, now: Date): Promise<ReadableStream<Uint8Array>> {
  return startedStream(csvChunks(caller, query, now));
}

async function* csvChunks(caller: Caller, query: Omit<ListCisQuery, "cursor" | "limit">, now: Date): AsyncGenerator<Uint8Array> {
  const filters = listFilters(query, now);
  const scope = ciReadScope(caller);
  const encoder = new TextEncoder();
  const db = replicaDatabase();
  let after: CiCursor | undefined;
  let header = writeCsv([[...IMPORT_COLUMNS, ...COMPUTED]]);
  do {
    const page = await listCis(db, { ...filters, scope, after, limit: PAGE });
    const parentIds = [...new Set(page.items.map((item) => item.parentId).filter((id): id is string => id !== null))];
    const [parents, vendorRows] = await Promise.all([cisByIds(db, parentIds), vendorIdsAndNames(db)]);
    const parentName = new Map(parents.map((parent) => [parent.id, parent.name]));
    const vendorName = new Map(vendorRows.map((vendor) => [vendor.id, vendor.name]));
    const rows = page.items.map((item) => {
      const view = ciView(item, filters.today, filters.renewalAgeYears);
      const cells: Record<string, unknown> = {
        name: item.name,
        class: item.class,
        establishment_uai: item.establishment.uai,
        status: item.status,
        criticality: item.criticality,
        building: item.building,
        room: item.room,
        brand: item.brand,
        model: item.model,
        serial_number: item.serialNumber,
        asset_number: item.assetNumber,
        region_number: item.regionNumber,
        purchase_date: item.purchaseDate,
        delivery_date: item.deliveryDate,
        warranty_end: item.warrantyEndOverride,
        funding: item.funding,
        maintainer: item.maintainerId ? vendorName.get(item.maintainerId) : null,
        parent: item.parentId ? parentName.get(item.parentId) : null,
        notes: item.notes,
        ...Object.fromEntries(Object.keys(CI_ATTRIBUTES).map((key) => [key, item.attributes[key]])),
      };
      return [
        ...IMPORT_COLUMNS.map((column) => cells[column]),
        view.warranty.end,
        view.ownership.transfer,
        view.ageYears,
        view.renewal.candidate ? "oui" : "non",
      ];
    });
    // The header goes out with the first page, so nothing is sent before that page is read.
    const text = header + (rows.length ? writeCsv(rows, { bom: false }) : "");
    header = "";
    if (text) yield encoder.encode(text);
    after = page.next ?? undefined;
  } while (after);
}
