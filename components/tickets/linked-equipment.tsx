import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Panel } from "@/components/ui/panel";

type Props = { items: Array<{ id: string; name: string; room: string | null; serialNumber: string | null }> };

/** The inventoried equipment the ticket is about, each linking to its inventory page (its neighbours and other tickets). */
export async function LinkedEquipment({ items }: Props) {
  if (!items.length) return null;
  const t = await getTranslations("tickets.detail");
  return (
    <Panel title={t("equipment")}>
      <ul className="space-y-1 text-sm">
        {items.map((item) => (
          <li key={item.id}>
            <Link className="font-medium text-brand-700 underline" href={`/inventaire/equipements/${item.id}`}>
              {item.name}
            </Link>
            {item.room && (
              <span className="text-slate-600">
                {" "}
                · {t("room")} {item.room}
              </span>
            )}
            {item.serialNumber && (
              <span className="text-slate-600">
                {" "}
                · {t("serial")} <span className="font-mono">{item.serialNumber}</span>
              </span>
            )}
          </li>
        ))}
      </ul>
    </Panel>
  );
}
