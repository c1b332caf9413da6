import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { CI_CLASSES, CI_CRITICALITIES, CI_STATUSES, type CiClass } from "../../lib/domain/vocabulary";
import { generateInventory, type SeedCi } from "./generated-inventory";

const dataFile = (name: string) => fileURLToPath(new URL(`./data/${name}`, import.meta.url));

const establishments = (
  JSON.parse(readFileSync(dataFile("establishments.json"), "utf8")) as {
    establishments: { uai: string; type: string }[];
  }
).establishments.map((e) => [e.uai, e.type] as const);

/** First column of sample-inventory.csv: the names the real sample rows already use. */
const sampleRows = readFileSync(dataFile("sample-inventory.csv"), "utf8")
  .trim()
  .split("\n")
  .slice(1)
  .map((line) => line.split(","));
const sampleNames = new Set(sampleRows.map((cols) => cols[0] as string));
const sampleSerials = new Set(sampleRows.map((cols) => cols[8] as string));

const REQUIRED_CLASSES: readonly CiClass[] = [
  "network_switch",
  "firewall",
  "router",
  "server",
  "virtual_machine",
  "nas",
  "ups",
  "rack",
  "pc",
  "laptop",
  "tablet",
  "wifi_access_point",
  "printer",
  "video_projector",
  "ip_phone",
  "software",
];

const COMPUTERS: readonly CiClass[] = ["pc", "laptop", "tablet", "server", "virtual_machine"];
const NETWORK: readonly CiClass[] = ["network_switch", "wifi_access_point", "router", "firewall"];

const ofClass = (inv: SeedCi[], cls: CiClass) => inv.filter((ci) => ci.class === cls);
const byName = (inv: SeedCi[]) => new Map(inv.map((ci) => [ci.name, ci]));

/** Classrooms: rooms holding PCs in production use (the stock room excluded). */
function pcRooms(inv: SeedCi[]): Map<string, SeedCi[]> {
  const rooms = new Map<string, SeedCi[]>();
  for (const pc of ofClass(inv, "pc")) {
    if (pc.status === "stock" || pc.room === null) continue;
    rooms.set(pc.room, [...(rooms.get(pc.room) ?? []), pc]);
  }
  return rooms;
}

function isIsoDate(value: unknown): boolean {
  if (typeof value !== "string" || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}

/** The core switch: the switch whose uplink is the firewall. */
function coreSwitch(inv: SeedCi[]): SeedCi {
  const firewall = ofClass(inv, "firewall")[0] as SeedCi;
  const cores = ofClass(inv, "network_switch").filter((s) => s.parentName === firewall.name);
  expect(cores).toHaveLength(1);
  return cores[0] as SeedCi;
}

describe("generateInventory: determinism", () => {
  it.each([
    ["0370037P", "LGT"],
    ["0450029M", "LGT"],
    ["0410718H", "LP"],
    ["0360019A", "LPO"],
  ])("gives the same list on every call for %s (%s)", (uai, type) => {
    const first = generateInventory(uai, type);
    const second = generateInventory(uai, type);
    expect(second).toEqual(first);
    expect(JSON.stringify(second)).toBe(JSON.stringify(first));
    expect(second).not.toBe(first); // fresh objects: callers may mutate them
  });

  it("gives different inventories to different schools", () => {
    const a = generateInventory("0370037P", "LGT");
    const b = generateInventory("0450029M", "LGT");
    expect(b).not.toEqual(a);
    const serialsA = new Set(a.map((ci) => ci.serialNumber).filter(Boolean));
    expect(b.some((ci) => ci.serialNumber !== null && serialsA.has(ci.serialNumber))).toBe(false);
    expect(a.map((ci) => ci.room)).not.toEqual(b.map((ci) => ci.room));
  });

  it("gives vocational schools (LP/LPO) more classrooms than a general one with the same UAI", () => {
    const general = pcRooms(generateInventory("0370037P", "LGT")).size;
    expect(pcRooms(generateInventory("0370037P", "LP")).size).toBeGreaterThan(general);
    expect(pcRooms(generateInventory("0370037P", "LPO")).size).toBeGreaterThan(general);
  });
});

describe("generateInventory: serial numbers across schools", () => {
  it("never repeats a serial number over all the demo schools", () => {
    const serials = establishments.flatMap(([uai, type]) =>
      generateInventory(uai, type)
        .map((ci) => ci.serialNumber)
        .filter((s): s is string => s !== null),
    );
    expect(serials.length).toBeGreaterThan(establishments.length * 50);
    expect(new Set(serials).size).toBe(serials.length);
    expect(serials.filter((s) => sampleSerials.has(s))).toEqual([]);
  });

  it("never repeats a serial number across five schools of the same type", () => {
    const uais = ["0180006J", "0180009M", "0180010N", "0280022X", "0371099U"];
    const serials = uais.flatMap((uai) =>
      generateInventory(uai, "LP")
        .map((ci) => ci.serialNumber)
        .filter((s): s is string => s !== null),
    );
    expect(new Set(serials).size).toBe(serials.length);
  });
});

describe.each(establishments)("generateInventory(%s, %s)", (uai, type) => {
  const inv = generateInventory(uai, type);
  const names = byName(inv);

  it("has between 60 and 140 items", () => {
    expect(inv.length).toBeGreaterThanOrEqual(60);
    expect(inv.length).toBeLessThanOrEqual(140);
  });

  it("uses only values of the domain vocabularies", () => {
    for (const ci of inv) {
      expect(CI_CLASSES).toContain(ci.class);
      expect(CI_STATUSES).toContain(ci.status);
      expect(CI_CRITICALITIES).toContain(ci.criticality);
      expect(["region", "own_funds"]).toContain(ci.funding);
    }
  });

  it("has unique names that do not collide with the sample inventory", () => {
    expect(names.size).toBe(inv.length);
    expect(inv.filter((ci) => sampleNames.has(ci.name)).map((ci) => ci.name)).toEqual([]);
    for (const ci of inv) expect(ci.name).toMatch(/\S/);
  });

  it("only points to parents that appear earlier in the list", () => {
    const seen = new Set<string>();
    for (const ci of inv) {
      if (ci.parentName !== null) expect(seen, `${ci.name} → ${ci.parentName}`).toContain(ci.parentName);
      seen.add(ci.name);
    }
  });

  it("holds every class of a lycée inventory, in the expected numbers", () => {
    for (const cls of REQUIRED_CLASSES) expect(ofClass(inv, cls).length, cls).toBeGreaterThan(0);
    expect(ofClass(inv, "firewall")).toHaveLength(1);
    expect(ofClass(inv, "router")).toHaveLength(1);
    expect(ofClass(inv, "nas")).toHaveLength(1);
    expect(ofClass(inv, "ups")).toHaveLength(1);
    expect(ofClass(inv, "rack")).toHaveLength(1);
    expect(ofClass(inv, "ip_phone")).toHaveLength(2);
    expect(ofClass(inv, "server").length).toBeGreaterThanOrEqual(1);
    expect(ofClass(inv, "server").length).toBeLessThanOrEqual(2);
    expect(ofClass(inv, "virtual_machine").length).toBeGreaterThanOrEqual(1);
    expect(ofClass(inv, "virtual_machine").length).toBeLessThanOrEqual(2);
    expect(ofClass(inv, "wifi_access_point").length).toBeGreaterThanOrEqual(2);
    expect(ofClass(inv, "wifi_access_point").length).toBeLessThanOrEqual(4);
    expect(ofClass(inv, "printer").length).toBeGreaterThanOrEqual(2);
    expect(ofClass(inv, "printer").length).toBeLessThanOrEqual(4);
    expect(ofClass(inv, "software").length).toBeGreaterThanOrEqual(2);
    expect(ofClass(inv, "software").length).toBeLessThanOrEqual(3);
  });

  it("wires the network: firewall → core switch → building switches → devices", () => {
    const firewall = ofClass(inv, "firewall")[0] as SeedCi;
    const router = ofClass(inv, "router")[0] as SeedCi;
    const core = coreSwitch(inv);
    expect(firewall.parentName).toBe(router.name);
    expect(core.room).toBe("Salle serveurs");

    const buildingSwitches = ofClass(inv, "network_switch").filter((s) => s !== core);
    expect(buildingSwitches.length).toBeGreaterThanOrEqual(2);
    expect(buildingSwitches.length).toBeLessThanOrEqual(3);
    expect(new Set(buildingSwitches.map((s) => s.building)).size).toBe(buildingSwitches.length);
    for (const sw of buildingSwitches) expect(sw.parentName).toBe(core.name);

    const switchOf = new Map(buildingSwitches.map((s) => [s.building, s.name]));
    for (const ci of inv.filter((c) => ["pc", "wifi_access_point", "printer", "ip_phone"].includes(c.class))) {
      if (ci.status === "stock") continue;
      expect(ci.parentName, ci.name).toBe(switchOf.get(ci.building));
    }
    for (const vm of ofClass(inv, "virtual_machine")) {
      expect(names.get(vm.parentName ?? "")?.class, vm.name).toBe("server");
    }
    for (const server of ofClass(inv, "server")) expect(server.parentName).toBe(core.name);
  });

  it("keeps every classroom to 8–16 PCs of one model, except exactly one mixed room", () => {
    const rooms = pcRooms(inv);
    expect(rooms.size).toBeGreaterThanOrEqual(5);
    expect(rooms.size).toBeLessThanOrEqual(9);
    const mixed = [...rooms].filter(([, pcs]) => new Set(pcs.map((pc) => `${pc.brand}|${pc.model}`)).size > 1);
    expect(mixed).toHaveLength(1);
    expect(new Set((mixed[0] as [string, SeedCi[]])[1].map((pc) => pc.model)).size).toBe(2);
    for (const [room, pcs] of rooms) {
      expect(pcs.length, room).toBeGreaterThanOrEqual(8);
      expect(pcs.length, room).toBeLessThanOrEqual(16);
      expect(room).toMatch(/^[ABC]\d{3}$/);
      const projectors = ofClass(inv, "video_projector").filter((vp) => vp.room === room);
      expect(projectors, room).toHaveLength(1);
    }
    expect(ofClass(inv, "video_projector")).toHaveLength(rooms.size);
  });

  it("has 15–25% of PCs older than five years, some obsolete, and devices in stock and in repair", () => {
    const pcs = ofClass(inv, "pc");
    const old = pcs.filter((pc) => (pc.purchaseDate as string) < "2020-09-01");
    expect(old.length / pcs.length).toBeGreaterThanOrEqual(0.15);
    expect(old.length / pcs.length).toBeLessThanOrEqual(0.25);
    expect(pcs.some((pc) => pc.status === "obsolete")).toBe(true);
    for (const pc of pcs.filter((p) => p.status === "obsolete")) expect(old).toContain(pc);
    expect(inv.some((ci) => ci.status === "stock")).toBe(true);
    expect(inv.some((ci) => ci.status === "repair")).toBe(true);
    expect(inv.filter((ci) => ci.status === "stock" || ci.status === "repair").length).toBeLessThanOrEqual(8);
  });

  it("has valid dates between 2012 and 2025, delivery after purchase", () => {
    for (const ci of inv) {
      const dates = [ci.purchaseDate, ci.deliveryDate, ci.attributes.os_install_date].filter((d) => d != null);
      for (const d of dates) {
        expect(isIsoDate(d), `${ci.name}: ${String(d)}`).toBe(true);
        expect(d >= "2012-01-01" && d <= "2025-12-31", `${ci.name}: ${String(d)}`).toBe(true);
      }
      if (ci.purchaseDate !== null) {
        expect(ci.deliveryDate).not.toBeNull();
        expect(ci.deliveryDate! >= ci.purchaseDate, ci.name).toBe(true);
      }
      if (typeof ci.attributes.os_install_date === "string" && ci.deliveryDate !== null) {
        expect(ci.attributes.os_install_date >= ci.deliveryDate, ci.name).toBe(true);
      }
    }
    for (const ci of inv.filter((c) => c.class !== "software" && c.class !== "virtual_machine")) {
      expect(ci.purchaseDate, ci.name).not.toBeNull();
    }
  });

  it("grades criticality: high for core/firewall/servers, medium for building switches/NAS, low otherwise", () => {
    const core = coreSwitch(inv);
    for (const ci of inv) {
      const expected =
        ci === core || ci.class === "firewall" || ci.class === "server"
          ? "high"
          : ci.class === "network_switch" || ci.class === "nas"
            ? "medium"
            : "low";
      expect(ci.criticality, ci.name).toBe(expected);
    }
  });

  it("is mostly funded by the Région, with region numbers shaped like 00-03082", () => {
    const own = inv.filter((ci) => ci.funding === "own_funds");
    expect(own.length).toBeGreaterThan(0);
    expect(own.length / inv.length).toBeLessThan(0.1);
    const regionDevices = inv.filter((ci) => ci.funding === "region" && ci.serialNumber !== null);
    const numbered = regionDevices.filter((ci) => ci.regionNumber !== null);
    expect(numbered.length / regionDevices.length).toBeGreaterThan(0.6);
    for (const ci of numbered) expect(ci.regionNumber).toMatch(/^\d{2}-\d{5}$/);
    for (const ci of own) expect(ci.regionNumber).toBeNull();
  });

  it("gives each class its attributes", () => {
    for (const ci of inv) {
      if (COMPUTERS.includes(ci.class)) {
        expect(Object.keys(ci.attributes).sort(), ci.name).toEqual([
          "cpu",
          "disk_gb",
          "os_family",
          "os_install_date",
          "os_version",
          "ram_mb",
        ]);
        expect(ci.attributes.ram_mb, ci.name).toEqual(expect.any(Number));
        expect(ci.attributes.disk_gb, ci.name).toEqual(expect.any(Number));
      }
      if (NETWORK.includes(ci.class)) {
        expect(ci.attributes.ports, ci.name).toEqual(expect.any(Number));
        expect(ci.attributes.management_ip, ci.name).toMatch(/^10\.\d{1,3}\.\d{1,3}\.\d{1,3}$/);
      }
    }
    for (const sw of ofClass(inv, "software")) {
      expect(sw.room).toBeNull();
      expect(sw.building).toBeNull();
      expect(sw.parentName).toBeNull();
      expect(sw.attributes.version).toEqual(expect.any(String));
      expect(sw.attributes.licence_count).toEqual(expect.any(Number));
      expect(sw.attributes.licence_count as number).toBeGreaterThan(0);
    }
    for (const ci of inv.filter((c) => c.class !== "software" && c.class !== "virtual_machine")) {
      expect(ci.serialNumber, ci.name).not.toBeNull();
      expect(ci.brand, ci.name).not.toBeNull();
      expect(ci.room, ci.name).not.toBeNull();
    }
    const ips = inv.map((ci) => ci.attributes.management_ip).filter((ip) => ip !== undefined);
    expect(new Set(ips).size).toBe(ips.length);
  });
});
