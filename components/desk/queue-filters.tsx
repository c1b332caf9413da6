import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { PRIORITIES, TICKET_STATUSES } from "@/lib/domain/vocabulary";
import { queueQuery } from "@/lib/schemas/tickets";

/** The sorts the queue's schema accepts, in its order. */
const SORTS = queueQuery.shape.sort.unwrap().options;
const FIELD = "mt-1 w-full rounded-md border border-slate-300 bg-white px-3 py-2";

type Props = {
  file: string;
  values: Partial<Record<"status" | "priority" | "establishment" | "zone" | "service" | "ci" | "q" | "sort", string>>;
  zones: Array<{ code: string; name: string }>;
  services: Array<{ code: string; name: string }>;
  /** The sort this queue uses when none is asked for. */
  defaultSort?: string;
};

/** The queue's filters and sort, as a plain GET form: the address says what is shown, so it can be saved or shared. */
export async function QueueFilters({ file, values, zones, services, defaultSort = "created_desc" }: Props) {
  const t = await getTranslations();
  const label = (key: string) => t(`desk.filters.${key}`);
  return (
    <form
      role="search"
      aria-label={label("label")}
      className="grid gap-3 rounded-lg border border-slate-200 bg-white p-3 text-sm sm:grid-cols-2 lg:grid-cols-4"
    >
      <input type="hidden" name="file" value={file} />
      <label className="sm:col-span-2">
        <span className="block">{label("q")}</span>
        <input name="q" type="search" defaultValue={values.q} className={FIELD} />
      </label>
      <label>
        <span className="block">{label("status")}</span>
        <select name="status" defaultValue={values.status ?? ""} className={FIELD}>
          <option value="">{label("openStatuses")}</option>
          {TICKET_STATUSES.map((status) => (
            <option key={status} value={status}>
              {t(`tickets.staffStatus.${status}`)}
            </option>
          ))}
        </select>
      </label>
      <label>
        <span className="block">{label("priority")}</span>
        <select name="priority" defaultValue={values.priority ?? ""} className={FIELD}>
          <option value="">{label("allPriorities")}</option>
          {PRIORITIES.map((priority) => (
            <option key={priority} value={priority}>
              {t(`tickets.priority.${priority}`)}
            </option>
          ))}
        </select>
      </label>
      <label>
        <span className="block">{label("establishment")}</span>
        <input name="establishment" defaultValue={values.establishment} placeholder="0370037P" maxLength={8} className={FIELD} />
      </label>
      <label>
        <span className="block">{label("zone")}</span>
        <select name="zone" defaultValue={values.zone ?? ""} className={FIELD}>
          <option value="">{label("allZones")}</option>
          {zones.map((zone) => (
            <option key={zone.code} value={zone.code}>
              {zone.name}
            </option>
          ))}
        </select>
      </label>
      <label>
        <span className="block">{label("service")}</span>
        <select name="service" defaultValue={values.service ?? ""} className={FIELD}>
          <option value="">{label("allServices")}</option>
          {services.map((service) => (
            <option key={service.code} value={service.code}>
              {service.name}
            </option>
          ))}
        </select>
      </label>
      <label>
        <span className="block">{label("ci")}</span>
        <input name="ci" defaultValue={values.ci} className={`${FIELD} font-mono text-xs`} />
      </label>
      <label>
        <span className="block">{label("sort")}</span>
        <select name="sort" defaultValue={values.sort ?? defaultSort} className={FIELD}>
          {SORTS.map((sort) => (
            <option key={sort} value={sort}>
              {t(`desk.sorts.${sort}`)}
            </option>
          ))}
        </select>
      </label>
      <div className="flex items-end gap-3 sm:col-span-2 lg:col-span-4">
        <button className="rounded-md bg-brand-700 px-4 py-2 font-medium text-white hover:bg-brand-800">{label("apply")}</button>
        <Link className="text-brand-700 underline" href={`/bureau?${new URLSearchParams({ file })}`}>
          {label("reset")}
        </Link>
      </div>
    </form>
  );
}
