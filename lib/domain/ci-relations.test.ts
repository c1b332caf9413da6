import { expect, test } from "vitest";
import { translateText } from "@/i18n/text";
import { cycleFrom, installationRefusal, parentRefusal, type RelationRefusal } from "./ci-relations";
import type { CiClass } from "./vocabulary";

/** The refusal in French, as the API answers it. */
const french = (refusal: RelationRefusal | null) => refusal && translateText(refusal.message, refusal.values);
const item = (id: string, ciClass: CiClass, establishmentId = "e1") => ({ id, class: ciClass, establishmentId, name: id });

test.each<[string, ReturnType<typeof item>, ReturnType<typeof item>, string[], RegExp | null]>([
  ["a PC under a switch", item("pc1", "pc"), item("sw1", "network_switch"), [], null],
  ["a switch under the core switch", item("sw1", "network_switch"), item("core", "network_switch"), [], null],
  ["a VM on a server", item("vm1", "virtual_machine"), item("srv1", "server"), [], null],
  ["a VM on a switch", item("vm1", "virtual_machine"), item("sw1", "network_switch"), [], /hébergée sur un serveur/],
  ["a PC under a printer", item("pc1", "pc"), item("prn", "printer"), [], /équipement réseau/],
  ["software has no parent", item("lo", "software"), item("sw1", "network_switch"), [], /s'installe sur un poste/],
  ["itself", item("sw1", "network_switch"), item("sw1", "network_switch"), [], /son propre parent/],
  ["another school's switch", item("pc1", "pc"), item("sw9", "network_switch", "e2"), [], /autre établissement/],
  ["the core under an access switch below it: a loop", item("core", "network_switch"), item("sw1", "network_switch"), ["core"], /boucle/],
  ["three hops up: still a loop", item("core", "network_switch"), item("sw3", "network_switch"), ["sw2", "sw1", "core"], /boucle/],
])("%s", (_case, child, parent, chain, refusal) => {
  const answer = french(parentRefusal(child, parent, chain));
  if (refusal) expect(answer).toMatch(refusal);
  else expect(answer).toBeNull();
});

test("cycleFrom finds the loop through the start, and only that", () => {
  const links = new Map<string, string | null>([
    ["a", "b"],
    ["b", "c"],
    ["c", "a"],
    ["d", "a"],
    ["e", null],
  ]);
  expect(cycleFrom("a", (id) => links.get(id))).toEqual(["a", "b", "c"]);
  expect(cycleFrom("d", (id) => links.get(id))).toBeNull();
  expect(cycleFrom("e", (id) => links.get(id))).toBeNull();
});

test.each<[string, ReturnType<typeof item>, ReturnType<typeof item>, RegExp | null]>([
  ["on a PC", item("pc1", "pc"), item("lo", "software"), null],
  ["on a VM", item("vm1", "virtual_machine"), item("lo", "software"), null],
  ["on a switch", item("sw1", "network_switch"), item("lo", "software"), /pas sur un équipement de classe Commutateur/],
  ["a PC is not software", item("pc1", "pc"), item("pc2", "pc"), /n'est pas un logiciel/],
  ["another school's licence", item("pc1", "pc"), item("lo", "software", "e2"), /autre établissement/],
])("installing software %s", (_case, host, software, refusal) => {
  const answer = french(installationRefusal(host, software));
  if (refusal) expect(answer).toMatch(refusal);
  else expect(answer).toBeNull();
});
