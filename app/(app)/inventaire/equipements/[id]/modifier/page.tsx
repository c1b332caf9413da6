import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { CiForm } from "@/components/cmdb/ci-form";
import { pageCaller } from "@/lib/auth/current-caller";
import { ciIdParam } from "@/lib/schemas/cis";
import { ciFormOptions } from "@/lib/services/cmdb/form-options";
import { readCi } from "@/lib/services/cmdb/read-ci";
import { saveCiChanges } from "../../../actions";
import { titled } from "@/i18n/page-title";

export const generateMetadata = titled("equipmentEdit");

type Props = { params: Promise<{ id: string }> };

/** Editing an item of a school the caller keeps; every change lands in its history. */
export default async function EditCiPage({ params }: Props) {
  const id = ciIdParam.safeParse((await params).id);
  if (!id.success) notFound();
  const caller = await pageCaller();
  const ci = await readCi(caller, id.data, new Date());
  const options = ci ? await ciFormOptions(caller, ci.establishment.uai, ci.id) : null;
  if (!ci || !options) notFound();
  const t = await getTranslations("cmdb");
  const initial: Record<string, string> = {
    name: ci.name,
    class: ci.class,
    status: ci.status,
    criticality: ci.criticality,
    funding: ci.funding,
    ...Object.fromEntries(
      Object.entries({
        building: ci.building,
        room: ci.room,
        brand: ci.brand,
        model: ci.model,
        serialNumber: ci.serialNumber,
        assetNumber: ci.assetNumber,
        regionNumber: ci.regionNumber,
        purchaseDate: ci.purchaseDate,
        deliveryDate: ci.deliveryDate,
        warrantyEnd: ci.record.warrantyEndOverride,
        maintainer: ci.maintainer,
        parentId: ci.parentId,
        notes: ci.notes,
      }).filter((entry): entry is [string, string] => typeof entry[1] === "string"),
    ),
    ...Object.fromEntries(Object.entries(ci.attributes).map(([key, value]) => [`attr.${key}`, String(value)])),
  };
  return (
    <section className="space-y-4">
      <h1 className="text-2xl font-semibold">{t("form.editTitle", { name: ci.name })}</h1>
      <CiForm
        action={saveCiChanges}
        school={options.school}
        initial={initial}
        id={ci.id}
        vendors={options.vendors}
        parents={options.parents}
        software={options.software}
      />
    </section>
  );
}
