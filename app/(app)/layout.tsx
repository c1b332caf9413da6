import { AppShell } from "@/components/shell/app-shell";
import { pageCaller } from "@/lib/auth/current-caller";
import { navigationFor } from "@/lib/domain/navigation";

export const dynamic = "force-dynamic";

export default async function SignedInLayout({ children }: { children: React.ReactNode }) {
  const caller = await pageCaller();
  return <AppShell user={caller} navigation={navigationFor(caller)}>{children}</AppShell>;
}
