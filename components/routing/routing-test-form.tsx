import { useTranslations } from "next-intl";
import { CI_CLASSES, IMPACTS, TICKET_TYPES, URGENCIES } from "@/lib/domain/vocabulary";

type Choices = {
  services: Array<{ code: string; name: string; categories: Array<{ code: string; name: string }> }>;
  schools: Array<{ uai: string; name: string }>;
};

/** What the last test asked, to show the form as it was sent. */
export type RoutingTestValues = {
  type?: string;
  categoryCode?: string;
  establishmentUai?: string;
  impact?: string;
  urgency?: string;
  ciClasses: string[];
};

const INPUT = "mt-1 w-full rounded-md border border-slate-300 px-3 py-2";

/** An imagined ticket's facts, sent as a query (GET): a test changes nothing and its address can be shared. */
export function RoutingTestForm({ choices, values }: { choices: Choices; values: RoutingTestValues }) {
  const t = useTranslations();
  return (
    <form method="get" className="space-y-4 rounded-lg border border-slate-200 bg-white p-4">
      <div className="grid gap-4 sm:grid-cols-2">
        <label className="block text-sm font-medium">
          {t("routing.test.type")}
          <select name="type" defaultValue={values.type ?? "incident"} className={INPUT}>
            {TICKET_TYPES.map((type) => (
              <option key={type} value={type}>
                {t(`tickets.type.${type}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="block text-sm font-medium">
          {t("routing.test.category")}
          <select name="categoryCode" defaultValue={values.categoryCode} className={INPUT}>
            {choices.services.map((service) => (
              <optgroup key={service.code} label={`${service.name} (${service.code})`}>
                {service.categories.map((category) => (
                  <option key={category.code} value={category.code}>
                    {category.name} ({category.code})
                  </option>
                ))}
              </optgroup>
            ))}
          </select>
        </label>
        <label className="block text-sm font-medium sm:col-span-2">
          {t("routing.test.establishment")}
          <select name="establishmentUai" defaultValue={values.establishmentUai} className={INPUT}>
            {choices.schools.map((school) => (
              <option key={school.uai} value={school.uai}>
                {school.name} ({school.uai})
              </option>
            ))}
          </select>
        </label>
        <label className="block text-sm font-medium">
          {t("routing.test.impact")}
          <select name="impact" defaultValue={values.impact ?? "individual"} className={INPUT}>
            {IMPACTS.map((impact) => (
              <option key={impact} value={impact}>
                {t(`tickets.impact.${impact}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="block text-sm font-medium">
          {t("routing.test.urgency")}
          <select name="urgency" defaultValue={values.urgency ?? "medium"} className={INPUT}>
            {URGENCIES.map((urgency) => (
              <option key={urgency} value={urgency}>
                {t(`tickets.urgency.${urgency}`)}
              </option>
            ))}
          </select>
        </label>
      </div>
      <fieldset>
        <legend className="text-sm font-medium">{t("routing.test.ciClasses")}</legend>
        <div className="mt-1 grid grid-cols-2 gap-1 sm:grid-cols-4">
          {CI_CLASSES.map((ciClass) => (
            <label key={ciClass} className="flex items-center gap-2 text-sm">
              <input type="checkbox" name="ciClasses" value={ciClass} defaultChecked={values.ciClasses.includes(ciClass)} /> {ciClass}
            </label>
          ))}
        </div>
      </fieldset>
      <button type="submit" className="rounded-md bg-brand-700 px-4 py-2 text-sm font-medium text-white hover:bg-brand-800">
        {t("routing.test.submit")}
      </button>
    </form>
  );
}
