import { AnnouncementBanners } from "@/components/announcements/announcement-banners";
import { pageCaller } from "@/lib/auth/current-caller";
import { bannersFor } from "@/lib/services/announcements/list-announcements";
import { reportAffectedAction } from "./etat-des-services/actions";

/** The banners of the known incidents and works on now for the signed-in reader (and a service, on its filing form). */
export async function KnownIncidents({ serviceCode }: { serviceCode?: string }) {
  const caller = await pageCaller();
  const { banners, canReport } = await bannersFor(caller, new Date(), serviceCode);
  return <AnnouncementBanners banners={banners} canReport={canReport} action={reportAffectedAction} />;
}
