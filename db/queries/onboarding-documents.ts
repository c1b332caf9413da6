import { and, asc, eq } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { establishments, onboardingDocuments, users } from "@/db/schema";

/** Whose schools' onboarding a reader follows: every school, or one zone's (lib/domain/permissions.ts onboardingScope). */
export type OnboardingScope = { kind: "all" } | { kind: "zone"; zoneId: string };

const inScope = (scope: OnboardingScope) => (scope.kind === "zone" ? eq(establishments.zoneId, scope.zoneId) : undefined);

/** A school's onboarding documents within the scope, meeting by meeting, oldest first. */
export function onboardingDocumentsOf(db: Executor, uai: string, scope: OnboardingScope) {
  return db
    .select({
      id: onboardingDocuments.id,
      meeting: onboardingDocuments.meeting,
      fileName: onboardingDocuments.fileName,
      contentType: onboardingDocuments.contentType,
      sizeBytes: onboardingDocuments.sizeBytes,
      uploadedAt: onboardingDocuments.uploadedAt,
      uploadedBy: users.name,
    })
    .from(onboardingDocuments)
    .innerJoin(establishments, eq(establishments.id, onboardingDocuments.establishmentId))
    .leftJoin(users, eq(users.id, onboardingDocuments.uploadedById))
    .where(and(eq(establishments.uai, uai), inScope(scope)))
    .orderBy(asc(onboardingDocuments.meeting), asc(onboardingDocuments.uploadedAt), asc(onboardingDocuments.id));
}

/** Where one of a school's onboarding documents is stored, within the scope; or null. */
export async function storedOnboardingDocument(db: Executor, uai: string, id: string, scope: OnboardingScope) {
  const [document] = await db
    .select({
      fileName: onboardingDocuments.fileName,
      contentType: onboardingDocuments.contentType,
      storageKey: onboardingDocuments.storageKey,
    })
    .from(onboardingDocuments)
    .innerJoin(establishments, eq(establishments.id, onboardingDocuments.establishmentId))
    .where(and(eq(onboardingDocuments.id, id), eq(establishments.uai, uai), inScope(scope)));
  return document ?? null;
}
