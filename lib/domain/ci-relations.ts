import type { TextValues } from "@/i18n/text";
import { COMPUTER_CLASSES, NETWORK_CLASSES } from "./ci-classes";
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

/** Why a link is refused: a message key (cmdb.errors.relations.*) with its values; a class is named by its key. */
export type RelationRefusal = { readonly message: string; readonly values?: TextValues };

const refusal = (name: string, values?: TextValues): RelationRefusal => ({
  message: `cmdb.errors.relations.${name}`,
  ...(values ? { values } : {}),
});
const classOf = (item: Item) => ({ class: `cmdb.classes.${item.class}` });

/**
 * Why `parent` cannot be `child`'s uplink or host, or null when it can. `parentChain` is the
 * parent's own chain of ancestors (nearest first) as stored: the child found in it means a loop.
 */
export function parentRefusal(child: Item, parent: Item, parentChain: readonly string[]): RelationRefusal | null {
  const rule = parentRule(child.class);
  if (!rule) return refusal("softwareHasNoParent");
  if (parent.id === child.id) return refusal("selfParent");
  if (parent.establishmentId !== child.establishmentId) return refusal("otherSchool", { name: parent.name });
  if (!rule.classes.includes(parent.class)) return refusal(rule.kind === "hosted_on" ? "vmHost" : "uplinkClass", classOf(parent));
  if (parentChain.includes(child.id)) return refusal("loop", { parent: parent.name, child: child.name });
  return null;
}

/** Software is installed on computers; the software side must be a software item of the same school. */
export function installationRefusal(host: Item, software: Item): RelationRefusal | null {
  if (software.class !== "software") return refusal("notSoftware", { name: software.name });
  if (!(COMPUTER_CLASSES as readonly CiClass[]).includes(host.class)) return refusal("softwareHost", classOf(host));
  if (host.establishmentId !== software.establishmentId) return refusal("otherSchool", { name: software.name });
  return null;
}
