import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { CI_CLASSES, CI_STATUSES } from "@/lib/domain/vocabulary";
import { DEFAULT_RENEWAL_AGE_YEARS, RENEWAL_AGE_RANGE } from "@/lib/domain/ci-lifecycle";
import { FILTER_FIELD, FilterChoice } from "@/components/ui/filter-choice";

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
    <form
      role="search"
      aria-label={label("label")}
      action={action}
      className="grid gap-3 rounded-lg border border-slate-200 bg-white p-3 text-sm sm:grid-cols-2 lg:grid-cols-4"
    >
      <label className="sm:col-span-2">
        <span className="block">{label("q")}</span>
        <input name="q" type="search" defaultValue={values.q} className={FILTER_FIELD} />
      </label>
      {schools ? (
        <FilterChoice
          name="establishment"
          label={label("establishment")}
          value={values.establishment}
          all={label("allEstablishments")}
          options={schools.map((school) => [school.uai, school.name])}
        />
      ) : (
        <label>
          <span className="block">{label("establishment")}</span>
          <input name="establishment" defaultValue={values.establishment} placeholder="0370037P" maxLength={8} className={FILTER_FIELD} />
        </label>
      )}
      {zones && (
        <FilterChoice
          name="zone"
          label={label("zone")}
          value={values.zone}
          all={label("allZones")}
          options={zones.map((zone) => [zone.code, zone.name])}
        />
      )}
      <FilterChoice
        name="class"
        label={label("class")}
        value={values.class}
        all={label("allClasses")}
        options={CI_CLASSES.map((ciClass) => [ciClass, t(`classes.${ciClass}`)])}
      />
      <FilterChoice
        name="status"
        label={label("status")}
        value={values.status}
        all={label("allStatuses")}
        options={CI_STATUSES.map((status) => [status, t(`statuses.${status}`)])}
      />
      <label>
        <span className="block">{label("room")}</span>
        <input name="room" defaultValue={values.room} className={FILTER_FIELD} />
      </label>
      <FilterChoice
        name="warranty"
        label={label("warranty")}
        value={values.warranty}
        all={label("anyWarranty")}
        options={[
          ["under", label("warrantyUnder")],
          ["expired", label("warrantyExpired")],
          ["unknown", label("warrantyUnknown")],
        ]}
      />
      <label className="flex items-center gap-2 self-end pb-2">
        <input type="checkbox" name="renewal" value="true" defaultChecked={values.renewal === "true"} />
        <span>{label("renewal")}</span>
      </label>
      <label>
        <span className="block">{label("renewalAge")}</span>
        <input
          name="renewalAge"
          type="number"
          min={RENEWAL_AGE_RANGE.min}
          max={RENEWAL_AGE_RANGE.max}
          defaultValue={values.renewalAge}
          placeholder={String(DEFAULT_RENEWAL_AGE_YEARS)}
          className={FILTER_FIELD}
        />
      </label>
      <div className="flex items-end gap-3 sm:col-span-2 lg:col-span-4">
        <button className="rounded-md bg-brand-700 px-4 py-2 font-medium text-white hover:bg-brand-800">{label("apply")}</button>
        <Link className="text-brand-700 underline" href={action}>
          {label("reset")}
        </Link>
      </div>
    </form>
  );
}
