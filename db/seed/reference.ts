import { sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { categories, establishments, routingRules, services, slaPolicies, teams, vendors, zones } from "@/db/schema";
import { defaultRoutingRules } from "./routing-rules";
import { categoryFieldSchema } from "@/lib/schemas/category-fields";
import { isValidUai } from "@/lib/domain/uai";
import { APPROVER_KINDS, SUPPORT_MODES, TICKET_TYPES } from "@/lib/domain/vocabulary";
import type { VendorCommitment } from "@/lib/domain/sla-vendor";
import { z } from "zod";
import establishmentsData from "./data/establishments.json";
import teamsData from "./data/teams.json";
import catalogueData from "./data/service-catalogue.json";
import { schoolQueueCode, vendorTeamCode } from "@/lib/domain/team-codes";

/** Reference files are parsed, not trusted: a typo fails the seed with the field that is wrong. */
const establishmentsFile = z.object({
  zones: z.array(z.object({ code: z.string(), name: z.string(), departements: z.array(z.string()) })),
  establishments: z.array(
    z.object({
      uai: z.string().refine(isValidUai, "UAI invalide"),
      type: z.string(),
      name: z.string(),
      city: z.string(),
      departement: z.string(),
      zone: z.string(),
      support_mode: z.enum(SUPPORT_MODES),
    }),
  ),
});

const teamsFile = z.object({
  teams: z.array(
    z.object({
      code: z.string(),
      name: z.string(),
      party: z.enum(["region", "academy", "vendor", "school"]),
      scope: z.string(),
      zone: z.string().optional(),
    }),
  ),
  vendors: z.array(z.object({ name: z.string(), scope: z.string(), contract: z.string() })),
});

const catalogueFile = z.object({
  default_sla_business_minutes: z.record(z.enum(["P1", "P2", "P3", "P4"]), z.object({ own: z.number(), resolve: z.number() })),
  services: z.array(
    z.object({
      code: z.string(),
      name: z.string(),
      delivery_mode: z.string(),
      domain: z.string(),
      includes: z.array(z.string()),
      excludes: z.array(z.string()),
      procedure: z.string(),
      categories: z.array(
        z.object({
          code: z.string(),
          name: z.string(),
          type: z.enum(TICKET_TYPES),
          hardware: z.boolean(),
          school_task: z.string().nullable(),
          approval: z.object({ levels: z.array(z.enum(APPROVER_KINDS)).min(1), project: z.boolean().optional() }).optional(),
          fields: z.array(categoryFieldSchema),
        }),
      ),
    }),
  ),
});

export { schoolQueueCode, vendorTeamCode };

const excluded = (column: string) => sql.raw(`excluded.${column}`);

/**
 * Vendors' repair times as agreed in their contracts (warranty repairs next business day, network
 * maintenance 8 business hours), set when a vendor is first inserted only: an admin's later change stays.
 */
export const DEFAULT_REPAIR_COMMITMENTS: Readonly<Record<string, VendorCommitment>> = {
  SCC: { nextBusinessDay: true },
  Solutions30: { nextBusinessDay: true },
  SPIE: { businessMinutes: 8 * 60 },
  Adista: { businessMinutes: 8 * 60 },
};

/** Zones, schools, teams, vendors, the service catalogue and the default SLA policy; upserts by natural key. */
export async function seedReference(tx: Executor): Promise<void> {
  const geography = establishmentsFile.parse(establishmentsData);
  const organisation = teamsFile.parse(teamsData);
  const catalogue = catalogueFile.parse(catalogueData);

  const zoneRows = await tx
    .insert(zones)
    .values(geography.zones.map((zone) => ({ code: zone.code, name: zone.name, departements: zone.departements })))
    .onConflictDoUpdate({ target: zones.code, set: { name: excluded("name"), departements: excluded("departements") } })
    .returning({ id: zones.id, code: zones.code });
  const zoneId = new Map(zoneRows.map((row) => [row.code, row.id]));

  const schoolRows = await tx
    .insert(establishments)
    .values(
      geography.establishments.map((school) => ({
        uai: school.uai,
        type: school.type,
        name: school.name,
        city: school.city,
        departement: school.departement,
        zoneId: zoneId.get(school.zone)!,
        supportMode: school.support_mode,
      })),
    )
    .onConflictDoUpdate({
      target: establishments.uai,
      set: {
        type: excluded("type"),
        name: excluded("name"),
        city: excluded("city"),
        departement: excluded("departement"),
        zoneId: excluded("zone_id"),
      },
    })
    .returning({ id: establishments.id, uai: establishments.uai, name: establishments.name });

  const vendorRows = await tx
    .insert(vendors)
    .values(organisation.vendors.map((vendor) => ({ ...vendor, repairCommitment: DEFAULT_REPAIR_COMMITMENTS[vendor.name] ?? null })))
    .onConflictDoUpdate({ target: vendors.name, set: { scope: excluded("scope"), contract: excluded("contract") } })
    .returning({ id: vendors.id, name: vendors.name });

  await tx
    .insert(teams)
    .values([
      ...organisation.teams.map((team) => ({
        code: team.code,
        name: team.name,
        party: team.party,
        scope: team.scope,
        zoneId: team.zone ? zoneId.get(team.zone)! : null,
      })),
      ...schoolRows.map((school) => ({
        code: schoolQueueCode(school.uai),
        name: `File de l'établissement – ${school.name}`,
        party: "school" as const,
        scope: "Tâches réalisées par l'établissement lui-même",
        establishmentId: school.id,
      })),
      ...vendorRows.map((vendor) => ({
        code: vendorTeamCode(vendor.name),
        name: `Prestataire ${vendor.name}`,
        party: "vendor" as const,
        scope: null,
        vendorId: vendor.id,
      })),
    ])
    .onConflictDoUpdate({
      target: teams.code,
      set: {
        name: excluded("name"),
        party: excluded("party"),
        scope: excluded("scope"),
        zoneId: excluded("zone_id"),
        establishmentId: excluded("establishment_id"),
        vendorId: excluded("vendor_id"),
      },
    });

  for (const [servicePosition, service] of catalogue.services.entries()) {
    const [serviceRow] = await tx
      .insert(services)
      .values({
        code: service.code,
        name: service.name,
        deliveryMode: service.delivery_mode,
        domain: service.domain,
        includes: service.includes,
        excludes: service.excludes,
        procedure: service.procedure,
        position: servicePosition,
      })
      .onConflictDoUpdate({
        target: services.code,
        set: {
          name: excluded("name"),
          deliveryMode: excluded("delivery_mode"),
          domain: excluded("domain"),
          includes: excluded("includes"),
          excludes: excluded("excludes"),
          procedure: excluded("procedure"),
          position: excluded("position"),
        },
      })
      .returning({ id: services.id });
    await tx
      .insert(categories)
      .values(
        service.categories.map((category, position) => ({
          serviceId: serviceRow!.id,
          code: category.code,
          name: category.name,
          type: category.type,
          hardware: category.hardware,
          schoolTask: category.school_task,
          fields: category.fields,
          approvalLevels: category.approval?.levels ?? [],
          project: category.approval?.project ?? false,
          position,
        })),
      )
      .onConflictDoUpdate({
        target: categories.code,
        set: {
          serviceId: excluded("service_id"),
          name: excluded("name"),
          type: excluded("type"),
          hardware: excluded("hardware"),
          schoolTask: excluded("school_task"),
          fields: excluded("fields"),
          approvalLevels: excluded("approval_levels"),
          project: excluded("project"),
          position: excluded("position"),
        },
      });
  }

  await tx
    .insert(slaPolicies)
    .values({
      code: "DEFAULT",
      name: "Engagements par défaut (heures ouvrées)",
      targets: catalogue.default_sla_business_minutes as Record<"P1" | "P2" | "P3" | "P4", { own: number; resolve: number }>,
    })
    .onConflictDoUpdate({ target: slaPolicies.code, set: { name: excluded("name"), targets: excluded("targets") } });
}

/** The default routing rules, only into an empty table: once an admin edits the rules, they are theirs. */
export async function seedRoutingRules(tx: Executor): Promise<void> {
  const [existing] = await tx.select({ id: routingRules.id }).from(routingRules).limit(1);
  if (existing) return;
  await tx
    .insert(routingRules)
    .values(
      defaultRoutingRules().map(({ id: _id, slaPolicyCode: _sla, ...rule }) => ({ ...rule, match: rule.match as Record<string, unknown> })),
    );
}
