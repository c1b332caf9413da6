import { AppShell } from "@/components/shell/app-shell";
import { pageCaller } from "@/lib/auth/current-caller";
import { navigationFor } from "@/lib/domain/navigation";
import { can } from "@/lib/domain/permissions";
import { myUnreadCount } from "@/lib/services/notifications/my-notifications";

export const dynamic = "force-dynamic";

export default async function SignedInLayout({ children }: { children: React.ReactNode }) {
  const caller = await pageCaller();
  // Staff are told of their work (issue 14); the school's people follow their requests by e-mail.
  const unread = can(caller, "desk.use") ? await myUnreadCount(caller) : null;
  return (
    <AppShell user={caller} navigation={navigationFor(caller)} unread={unread}>
      {children}
    </AppShell>
  );
}
