"use server";

import { z } from "zod";
import { formAction } from "@/lib/auth/form-action";
import { succeed } from "@/lib/services/service-result";
import { markMyNotificationsRead } from "@/lib/services/notifications/my-notifications";

/** "Tout marquer comme lu": every notification of the caller. */
export const markAllRead = formAction(
  z.object({}),
  async (_input, caller, _form, now) => succeed(await markMyNotificationsRead(caller, undefined, now)),
  {
    revalidate: () => ["/notifications"],
  },
);
