import { eq } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { zones } from "@/db/schema";
import { fail, type ServiceFailure } from "../service-result";

export const FORBIDDEN: ServiceFailure = { kind: "forbidden", message: "establishments.errors.forbidden" };

export const invalidField = (field: string, message: string) => fail<never>({ kind: "invalid", message: "forms.errors.checkFields", errors: [{ field, message }] });

export async function zoneIdByCode(tx: Executor, code: string): Promise<string | null> {
  const [zone] = await tx.select({ id: zones.id }).from(zones).where(eq(zones.code, code));
  return zone?.id ?? null;
}
