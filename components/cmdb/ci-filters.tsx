import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { CI_CLASSES, CI_STATUSES } from "@/lib/domain/vocabulary";
import { DEFAULT_RENEWAL_AGE_YEARS, RENEWAL_AGE_RANGE } from "@/lib/domain/ci-lifecycle";

const FIELD = "mt-1 w-full rounded-md border border-slate-300 bg-white px-3 py-2";

type Props = {
  values: Partial<Record<"q" | "establishment" | "zone" | "class" | "status" | "room" | "warranty" | "renewal" | "renewalAge", string>>;
  /** School staff pick among their schools; the Région's staff type a UAI and choose a zone. */
  schools: Array<{ uai: string; name: string }> | null;
  zones: Array<{ code: string; name: string }> | null;
  action: string;
};

/** The inventory's filters as a plain GET form: the address says what is shown, so it can be shared or exported. */
export async function CiFilters({ values, schools, zones, action }: Props) {
  const t = await getTranslations("cmdb");
  const label = (key: string) => t(`filters.${key}`);
  return (
    <form role="search" aria-label={label("label")} action={action} className="grid gap-3 rounded-lg border border-slate-200 bg-white p-3 text-sm sm:grid-cols-2 lg:grid-cols-4">
      <label className="sm:col-span-2">
        <span className="block">{label("q")}</span>
        <input name="q" type="search" defaultValue={values.q} className={FIELD} />
      </label>
      {schools ? (
        <label>
          <span className="block">{label("establishment")}</span>
          <select name="establishment" defaultValue={values.establishment ?? ""} className={FIELD}>
            <option value="">{label("allEstablishments")}</option>
            {schools.map((school) => <option key={school.uai} value={school.uai}>{school.name}</option>)}
          </select>
        </label>
      ) : (
        <label>
          <span className="block">{label("establishment")}</span>
          <input name="establishment" defaultValue={values.establishment} placeholder="0370037P" maxLength={8} className={FIELD} />
        </label>
      )}
      {zones && (
        <label>
          <span className="block">{label("zone")}</span>
          <select name="zone" defaultValue={values.zone ?? ""} className={FIELD}>
            <option value="">{label("allZones")}</option>
            {zones.map((zone) => <option key={zone.code} value={zone.code}>{zone.name}</option>)}
          </select>
        </label>
      )}
      <label>
        <span className="block">{label("class")}</span>
        <select name="class" defaultValue={values.class ?? ""} className={FIELD}>
          <option value="">{label("allClasses")}</option>
          {CI_CLASSES.map((ciClass) => <option key={ciClass} value={ciClass}>{t(`classes.${ciClass}`)}</option>)}
        </select>
      </label>
      <label>
        <span className="block">{label("status")}</span>
        <select name="status" defaultValue={values.status ?? ""} className={FIELD}>
          <option value="">{label("allStatuses")}</option>
          {CI_STATUSES.map((status) => <option key={status} value={status}>{t(`statuses.${status}`)}</option>)}
        </select>
      </label>
      <label>
        <span className="block">{label("room")}</span>
        <input name="room" defaultValue={values.room} className={FIELD} />
      </label>
      <label>
        <span className="block">{label("warranty")}</span>
        <select name="warranty" defaultValue={values.warranty ?? ""} className={FIELD}>
          <option value="">{label("anyWarranty")}</option>
          <option value="under">{label("warrantyUnder")}</option>
          <option value="expired">{label("warrantyExpired")}</option>
          <option value="unknown">{label("warrantyUnknown")}</option>
        </select>
      </label>
      <label className="flex items-center gap-2 self-end pb-2">
        <input type="checkbox" name="renewal" value="true" defaultChecked={values.renewal === "true"} />
        <span>{label("renewal")}</span>
      </label>
      <label>
        <span className="block">{label("renewalAge")}</span>
        <input name="renewalAge" type="number" min={RENEWAL_AGE_RANGE.min} max={RENEWAL_AGE_RANGE.max} defaultValue={values.renewalAge} placeholder={String(DEFAULT_RENEWAL_AGE_YEARS)} className={FIELD} />
      </label>
      <div className="flex items-end gap-3 sm:col-span-2 lg:col-span-4">
        <button className="rounded-md bg-brand-700 px-4 py-2 font-medium text-white hover:bg-brand-800">{label("apply")}</button>
        <Link className="text-brand-700 underline" href={action}>{label("reset")}</Link>
      </div>
    </form>
  );
}
