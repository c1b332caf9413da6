import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { CiForm } from "@/components/cmdb/ci-form";
import { pageCaller } from "@/lib/auth/current-caller";
import { keepsInventory } from "@/lib/domain/ci-access";
import { ciFormOptions } from "@/lib/services/cmdb/form-options";
import { saveNewCi } from "../actions";
import { titled } from "@/i18n/page-title";

export const generateMetadata = titled("equipmentNew");

type Props = { searchParams: Promise<{ etablissement?: string }> };

/** A new item for a school the caller keeps; the school is chosen first, so the uplinks and software offered are its own. */
export default async function NewCiPage({ searchParams }: Props) {
  const uai = (await searchParams).etablissement?.trim().toUpperCase();
  const caller = await pageCaller();
  if (!keepsInventory(caller)) notFound();
  const t = await getTranslations("cmdb");
  const options = uai ? await ciFormOptions(caller, uai, null) : null;
  if (uai && !options) notFound();
  return (
    <section className="space-y-4">
      <h1 className="text-2xl font-semibold">
        {t("form.createTitle")}
        {options && ` — ${options.school.name}`}
      </h1>
      {options ? (
        <CiForm
          action={saveNewCi}
          school={options.school}
          initial={{}}
          vendors={options.vendors}
          parents={options.parents}
          software={options.software}
        />
      ) : (
        <form className="flex items-end gap-2 rounded-lg border border-slate-200 bg-white p-4 text-sm">
          <label>
            <span className="block font-medium">{t("form.chooseSchool")}</span>
            <input
              name="etablissement"
              required
              placeholder="0370037P"
              maxLength={8}
              className="mt-1 rounded-md border border-slate-300 px-3 py-2"
            />
          </label>
          <button className="rounded-md bg-brand-700 px-4 py-2 font-medium text-white">{t("form.continue")}</button>
        </form>
      )}
    </section>
  );
}
