import { AnnouncementBanners } from "@/components/announcements/announcement-banners";
import type { Caller } from "@/lib/domain/caller";
import { bannersFor } from "@/lib/services/announcements/list-announcements";
import { reportAffectedAction } from "./etat-des-services/actions";

/** The banners of the known incidents and works on now for the signed-in reader (and a service, on its filing form). */
export async function KnownIncidents({ caller, serviceCode }: { caller: Caller; serviceCode?: string }) {
  const { banners, canReport } = await bannersFor(caller, new Date(), serviceCode);
  return <AnnouncementBanners banners={banners} canReport={canReport} action={reportAffectedAction} />;
}
