"use server";

import { formAction } from "@/lib/auth/form-action";
import { publishAnnouncementForm, reportAffectedForm } from "@/lib/schemas/announcements";
import { publishAnnouncement } from "@/lib/services/announcements/publish-announcement";
import { reportAffected } from "@/lib/services/announcements/report-affected";

/** "Mon établissement est concerné": the school follows the announced incident instead of filing a ticket. */
export const reportAffectedAction = formAction(
  reportAffectedForm,
  (input, caller, _form, now) => reportAffected(caller, input.announcementId, now, input.establishment),
  { revalidate: () => ["/", "/etat-des-services"] },
);

/** The status page's publishing form (the Région and the Académie). */
export const publishAnnouncementAction = formAction(
  publishAnnouncementForm,
  (input, caller, _form, now, actor) => publishAnnouncement(caller, input, actor, now),
  { revalidate: () => ["/", "/etat-des-services"] },
);
