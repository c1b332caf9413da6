import type { Impact, Priority, Urgency } from "./vocabulary";

/** Impact × urgency → priority (service-catalogue.json, priority_matrix). */
const MATRIX: Record<Impact, Record<Urgency, Priority>> = {
  school: { high: "P1", medium: "P2", low: "P3" },
  group: { high: "P2", medium: "P3", low: "P3" },
  individual: { high: "P3", medium: "P3", low: "P4" },
};

export function priorityOf(impact: Impact, urgency: Urgency): Priority {
  return MATRIX[impact][urgency];
}
