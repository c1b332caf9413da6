import { IMPACTS, type CiCriticality, type Impact } from "./vocabulary";

/**
 * A ticket about critical equipment affects more people than its reporter may think: a high-criticality
 * item (core switch, firewall, server) raises the impact to at least the whole school, a medium one
 * (NAS, a building's switch) to at least a room or department. Low criticality sets no floor.
 */
const FLOOR: Record<CiCriticality, Impact | null> = { high: "school", medium: "group", low: null };

/** IMPACTS runs from the widest to the narrowest. */
const rank = (impact: Impact) => IMPACTS.length - IMPACTS.indexOf(impact);

export function impactFloor(criticalities: readonly CiCriticality[]): Impact | null {
  return criticalities
    .map((criticality) => FLOOR[criticality])
    .filter((floor): floor is Impact => floor !== null)
    .reduce<Impact | null>((widest, floor) => (widest === null || rank(floor) > rank(widest) ? floor : widest), null);
}

/** The impact given, raised to the floor of the linked equipment when that is wider. */
export function raiseImpact(impact: Impact, criticalities: readonly CiCriticality[]): Impact {
  const floor = impactFloor(criticalities);
  return floor !== null && rank(floor) > rank(impact) ? floor : impact;
}
