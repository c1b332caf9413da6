import { CI_CLASS_LABELS, COMPUTER_CLASSES, NETWORK_CLASSES } from "./ci-classes";
import type { CiClass } from "./vocabulary";

/**
 * How configuration items hang together: a device's uplink (PC → switch → core switch), a virtual
 * machine's host (VM → server), software installed on a computer. Parents stay within the school,
 * and a chain of parents never loops back (a switch cannot be its own uplink, even three hops away).
 */
export type ParentKind = "uplink" | "hosted_on";

type ParentRule = { kind: ParentKind; classes: readonly CiClass[] };

const UPLINKS: readonly CiClass[] = NETWORK_CLASSES;

export function parentRule(child: CiClass): ParentRule | null {
  if (child === "software") return null;
  if (child === "virtual_machine") return { kind: "hosted_on", classes: ["server"] };
  return { kind: "uplink", classes: UPLINKS };
}

type Item = { id: string; class: CiClass; establishmentId: string; name: string };

/**
 * Follows parent links from `start`; returns the loop (ids, from start back to it) when one exists.
 * `parentOf` answers for any id (the stored links with the proposed ones laid over them).
 */
export function cycleFrom(start: string, parentOf: (id: string) => string | null | undefined): string[] | null {
  const path = [start];
  const seen = new Set(path);
  let current = parentOf(start);
  while (current) {
    if (current === start) return path;
    if (seen.has(current)) return null; // a loop further up, not through start: reported from its own members
    seen.add(current);
    path.push(current);
    current = parentOf(current);
  }
  return null;
}

/**
 * Why `parent` cannot be `child`'s uplink or host, in French, or null when it can. `parentChain` is the
 * parent's own chain of ancestors (nearest first) as stored: the child found in it means a loop.
 */
export function parentRefusal(child: Item, parent: Item, parentChain: readonly string[]): string | null {
  const rule = parentRule(child.class);
  if (!rule) return `Un ${CI_CLASS_LABELS[child.class].toLowerCase()} ne se rattache à aucun équipement ; il s'installe sur un poste.`;
  if (parent.id === child.id) return "Un équipement ne peut pas être son propre parent.";
  if (parent.establishmentId !== child.establishmentId) return `« ${parent.name} » appartient à un autre établissement.`;
  if (!rule.classes.includes(parent.class)) {
    const expected = rule.classes.map((ciClass) => CI_CLASS_LABELS[ciClass].toLowerCase()).join(", ");
    return rule.kind === "hosted_on"
      ? `Une machine virtuelle est hébergée sur un serveur, pas sur un ${CI_CLASS_LABELS[parent.class].toLowerCase()}.`
      : `Le lien montant doit être un équipement réseau (${expected}), pas un ${CI_CLASS_LABELS[parent.class].toLowerCase()}.`;
  }
  if (parentChain.includes(child.id)) return `« ${parent.name} » est déjà en dessous de « ${child.name} » : ce lien formerait une boucle.`;
  return null;
}

/** Software is installed on computers; the software side must be a software item of the same school. */
export function installationRefusal(host: Item, software: Item): string | null {
  if (software.class !== "software") return `« ${software.name} » n'est pas un logiciel.`;
  if (!(COMPUTER_CLASSES as readonly CiClass[]).includes(host.class)) return `Un logiciel s'installe sur un poste, un serveur ou une machine virtuelle, pas sur un ${CI_CLASS_LABELS[host.class].toLowerCase()}.`;
  if (host.establishmentId !== software.establishmentId) return `« ${software.name} » appartient à un autre établissement.`;
  return null;
}
