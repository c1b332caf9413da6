import { schoolsByUai } from "@/db/queries/establishments";
import type { CriticalPeriodRow } from "@/db/queries/critical-periods";
import { criticalPeriodEstablishments, criticalPeriods } from "@/db/schema";
import type { AuditActor } from "@/lib/domain/audit";
import type { Caller } from "@/lib/domain/caller";
import { can } from "@/lib/domain/permissions";
import type { CreateCriticalPeriodInput } from "@/lib/schemas/critical-periods";
import { recordAudit } from "../audit/record-audit";
import { refusableTransaction, refuse } from "../refusal";
import { fail, type ServiceResult } from "../service-result";

export const CRITICAL_PERIODS_FORBIDDEN = { kind: "forbidden", message: "criticalPeriods.errors.forbidden" } as const;

/** Declares a critical period (the Région: admins and the service lead), for every school or the listed ones; audited. */
export async function createCriticalPeriod(
  caller: Caller,
  input: CreateCriticalPeriodInput,
  actor: AuditActor,
): Promise<ServiceResult<CriticalPeriodRow>> {
  if (!can(caller, "criticalPeriods.manage")) return fail(CRITICAL_PERIODS_FORBIDDEN);
  const uais = [...new Set(input.establishments)];
  return refusableTransaction(async (tx) => {
    const schools = await schoolsByUai(tx, uais);
    const unknown = uais.find((uai) => !schools.some((school) => school.uai === uai));
    if (unknown) {
      refuse({
        kind: "invalid",
        message: "criticalPeriods.errors.checkFields",
        errors: [{ field: "establishments", message: "criticalPeriods.errors.unknownSchool", values: { uai: unknown } }],
      });
    }
    const [period] = await tx
      .insert(criticalPeriods)
      .values({
        name: input.name,
        kind: input.kind,
        startsOn: input.startsOn,
        endsOn: input.endsOn,
        priorityFloor: input.priorityFloor,
        allEstablishments: schools.length === 0,
        createdById: caller.id,
      })
      .returning({ id: criticalPeriods.id, createdAt: criticalPeriods.createdAt });
    if (!period) throw new Error("insert returned no row");
    if (schools.length)
      await tx
        .insert(criticalPeriodEstablishments)
        .values(schools.map((school) => ({ criticalPeriodId: period.id, establishmentId: school.id })));
    await recordAudit(tx, actor, {
      action: "critical_period.created",
      objectType: "critical_period",
      objectId: period.id,
      after: { ...input, establishments: uais },
    });
    return {
      id: period.id,
      name: input.name,
      kind: input.kind,
      startsOn: input.startsOn,
      endsOn: input.endsOn,
      priorityFloor: input.priorityFloor,
      allEstablishments: schools.length === 0,
      establishments: uais.sort(),
      createdAt: period.createdAt,
    };
  });
}
