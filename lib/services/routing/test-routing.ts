import { database } from "@/db/client";
import { findCategory } from "@/db/queries/catalogue";
import { establishmentByUai } from "@/db/queries/establishments";
import { teamsByCode } from "@/db/queries/teams";
import type { Caller } from "@/lib/domain/caller";
import { can } from "@/lib/domain/permissions";
import { priorityOf } from "@/lib/domain/priority";
import type { RoutingDecision } from "@/lib/domain/routing";
import type { RoutingTestInput } from "@/lib/schemas/routing-rules";
import { decideRouting, routingFacts } from "./route-ticket";
import type { TextValues } from "@/i18n/text";
import { fail, succeed, type ServiceFailure, type ServiceResult } from "../service-result";

/** A team the decision names; `name` is null when no team has that code (the ticket would stay unassigned). */
export type NamedTeam = { code: string; name: string | null };

export type RoutingTestResult = { decision: RoutingDecision; team: NamedTeam | null; watchers: NamedTeam[] };

const unprocessable = (field: string, message: string, values: TextValues): ServiceFailure => ({
  kind: "unprocessable",
  message,
  values,
  errors: [{ field, message, values }],
});

/**
 * Which rule would take a ticket with these facts, and why each rule before it did not: the
 * router itself, run on the current rules, writing nothing.
 */
export async function testRouting(caller: Caller, input: RoutingTestInput): Promise<ServiceResult<RoutingTestResult>> {
  if (!can(caller, "routing.test")) return fail({ kind: "forbidden", message: "routing.errors.testForbidden" });
  return database().transaction(
    async (tx) => {
      const [school, found] = await Promise.all([
        establishmentByUai(tx, input.establishmentUai),
        findCategory(tx, input.serviceCode, input.categoryCode),
      ]);
      if (!school) return fail(unprocessable("establishmentUai", "forms.errors.noSchoolWithUai", { uai: input.establishmentUai }));
      if (!found)
        return fail(
          unprocessable("categoryCode", "routing.errors.categoryNotInService", {
            category: input.categoryCode,
            service: input.serviceCode,
          }),
        );
      // As when filing: a category is either for incidents or for requests.
      if (found.category.type !== input.type)
        return fail(unprocessable("type", "tickets.errors.categoryType", { category: found.category.code, type: found.category.type }));
      const facts = await routingFacts(tx, {
        type: input.type,
        categoryId: found.category.id,
        establishmentId: school.id,
        ciIds: [],
        priority: priorityOf(input.impact, input.urgency),
      });
      const decision = await decideRouting(tx, { ...facts, ciClasses: input.ciClasses });
      const codes = [decision.teamCode, ...decision.watcherTeamCodes].filter((code): code is string => code !== null);
      const rows = await teamsByCode(tx, codes);
      const named = (code: string): NamedTeam => ({ code, name: rows.find((row) => row.code === code)?.name ?? null });
      return succeed({
        decision,
        team: decision.teamCode ? named(decision.teamCode) : null,
        watchers: decision.watcherTeamCodes.map(named),
      });
    },
    { accessMode: "read only" },
  );
}
