import { z } from "zod";
import type { RoutingRule } from "@/lib/domain/routing";
import catalogue from "./data/service-catalogue.json";

const seedRule = z.object({
  order: z.number().int(),
  name: z.string(),
  match: z
    .object({
      category: z.array(z.string()).optional(),
      service: z.array(z.string()).optional(),
      also_categories: z.array(z.string()).optional(),
      school_task: z.boolean().optional(),
    })
    .strict(),
  team: z.string(),
  watchers: z.array(z.string()).optional(),
});

/** `default_routing` of the reference catalogue, in its order, as routing rules. */
export function defaultRoutingRules(): Array<RoutingRule & { position: number }> {
  return z
    .array(seedRule)
    .parse(catalogue.default_routing)
    .map((rule) => ({
      id: `default-${rule.order}`,
      position: rule.order,
      name: rule.name,
      enabled: true,
      match: {
        ...(rule.match.service ? { services: rule.match.service } : {}),
        ...(rule.match.category || rule.match.also_categories
          ? { categories: [...(rule.match.category ?? []), ...(rule.match.also_categories ?? [])] }
          : {}),
        ...(rule.match.school_task !== undefined ? { schoolTask: rule.match.school_task } : {}),
      },
      teamCode: rule.team,
      watcherTeamCodes: rule.watchers ?? [],
      priorityFloor: null,
      slaPolicyCode: null,
      // The proximity teams' technicians each have their schools: tickets go straight to the school's referent.
      assignToReferent: rule.team.startsWith("PROX-"),
    }));
}
