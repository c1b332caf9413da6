import { getTranslations } from "next-intl/server";
import { env } from "@/lib/env";

/** When dashboards read a replica, the lag the Région accepts, said beside "Calculé le …"; nothing otherwise. */
export async function ReplicaLag() {
  const { DATABASE_REPLICA_URL: replica, DATABASE_URL: primary, DATABASE_REPLICA_LAG_SECONDS: seconds } = env();
  if (replica === undefined || replica === primary) return null;
  const t = await getTranslations("dashboards");
  return <> · {t("replicaLag", { seconds })}</>;
}
