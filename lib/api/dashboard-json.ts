import type { EquipmentFigures, EstablishmentDashboard, RegionalDashboard } from "@/lib/domain/dashboard";

/** The equipment section as the API answers it: counts keyed by class and status, and the out-of-warranty share on its own. */
function equipmentJson(equipment: EquipmentFigures) {
  return {
    ...equipment,
    byClass: Object.fromEntries(equipment.byClass.map((row) => [row.class, row.count])),
    byStatus: Object.fromEntries(equipment.byStatus.map((row) => [row.status, row.count])),
    outOfWarrantyShare: equipment.outOfWarranty.share,
  };
}

/** GET /api/v1/dashboards/establishments/{uai} (lib/schemas/dashboards.ts establishmentDashboardSchema). */
export function establishmentDashboardJson(dashboard: EstablishmentDashboard) {
  return { ...dashboard, equipment: equipmentJson(dashboard.equipment) };
}

/** GET /api/v1/dashboards/zones/{code} (zoneDashboardSchema). */
export function zoneDashboardJson(dashboard: RegionalDashboard) {
  const { scope, ...figures } = dashboard;
  return {
    zone: scope.kind === "zone" ? { code: scope.code, name: scope.name } : null,
    ...figures,
    equipment: equipmentJson(dashboard.equipment),
  };
}
