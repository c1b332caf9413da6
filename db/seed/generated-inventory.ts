/**
 * A deterministic, plausible IT inventory (CMDB) for a French lycée, used by the demo
 * seed next to the few real rows of `sample-inventory.csv`.
 *
 * Same (uai, establishmentType) → same list, item for item: everything random comes from
 * a mulberry32 PRNG seeded with a hash of the UAI (never Math.random nor the clock).
 *
 * Shape of a school: a rack, a UPS, a router, a firewall and a core switch in the server
 * room, 1–2 hypervisors hosting 1–2 VMs, a NAS; one switch per building (2–3 buildings)
 * uplinked to the core; 5–9 classrooms (more in LP/LPO) of 8–16 PCs of one model each —
 * except exactly one room that mixes an old batch with a newer one, so the CMDB has a
 * non-homogeneous room to flag; a projector per classroom; a laptop/tablet trolley; WiFi
 * access points, printers, IP phones, a couple of spare PCs in stock and 2–3 software CIs.
 *
 * Generated names never collide with the sample rows: switches use numbers from 200 up
 * (`rca<uai>sw2NN.<room>.<port>`, the sample has sw152–157), every other name starts with
 * the lower-cased UAI followed by a class code (`0370037p-a101-pc05`, `0370037p-srv01`),
 * software CIs are named after the product.
 *
 * Serial numbers end with 8 characters that encode (school, item index) bijectively, so
 * two items of the whole generated set never share a serial, whatever the brand prefix.
 */
import type { CiFields } from "../../lib/domain/ci-fields";

/** An item as the seed writes it: the stored fields (lib/domain/ci-fields.ts) but its school, and its parent by name. */
export type SeedCi = Omit<CiFields, "establishmentId" | "warrantyEndOverride" | "maintainerId" | "parentId" | "notes"> & {
  parentName: string | null;
};

/* ------------------------------------------------------------------------------------ */
/* Randomness                                                                             */
/* ------------------------------------------------------------------------------------ */

/** FNV-1a, 32 bits. */
function hash32(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Rng = {
  next: () => number;
  int: (min: number, max: number) => number;
  pick: <T>(items: readonly T[]) => T;
  chance: (p: number) => boolean;
  shuffle: <T>(items: readonly T[]) => T[];
};

function makeRng(seed: number): Rng {
  const next = mulberry32(seed);
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  const pick = <T>(items: readonly T[]): T => {
    if (items.length === 0) throw new Error("pick from an empty list");
    return items[int(0, items.length - 1)] as T;
  };
  const shuffle = <T>(items: readonly T[]): T[] => {
    const out = [...items];
    for (let i = out.length - 1; i > 0; i--) {
      const j = int(0, i);
      [out[i], out[j]] = [out[j] as T, out[i] as T];
    }
    return out;
  };
  return { next, int, pick, chance: (p) => next() < p, shuffle };
}

/* ------------------------------------------------------------------------------------ */
/* Dates (UTC day numbers; no clock involved)                                             */
/* ------------------------------------------------------------------------------------ */

const DAY_MS = 86_400_000;
const toDay = (iso: string): number => {
  const [y, m, d] = iso.split("-").map(Number) as [number, number, number];
  return Date.UTC(y, m - 1, d) / DAY_MS;
};
const fromDay = (day: number): string => new Date(day * DAY_MS).toISOString().slice(0, 10);

/** Last day any generated date may take (the demo's "today" is the 2025 school start). */
const LAST_INSTALL = "2025-08-31";
const LAST_PURCHASE = "2025-06-30";

function dateBetween(rng: Rng, from: string, to: string): string {
  const a = toDay(from);
  const b = Math.max(a, toDay(to));
  return fromDay(rng.int(a, b));
}

function purchaseInYear(rng: Rng, year: number): string {
  const end = `${year}-12-31` < LAST_PURCHASE ? `${year}-12-31` : LAST_PURCHASE;
  return dateBetween(rng, `${year}-01-15`, end);
}

const addDays = (iso: string, days: number): string => fromDay(toDay(iso) + days);
const maxIso = (a: string, b: string): string => (a > b ? a : b);

/* ------------------------------------------------------------------------------------ */
/* Catalogue                                                                              */
/* ------------------------------------------------------------------------------------ */

type ComputerModel = {
  brand: string;
  model: string;
  from: number;
  to: number;
  cpu: string;
  ramMb: number;
  diskGb: number;
  serialPrefix: string;
};

const PC_MODELS: readonly ComputerModel[] = [
  {
    brand: "HP",
    model: "HP Compaq Pro 6300 MT",
    from: 2012,
    to: 2014,
    cpu: "Intel Pentium CPU G2020 @ 2.90GHz",
    ramMb: 4096,
    diskGb: 476,
    serialPrefix: "CZC",
  },
  {
    brand: "Dell Inc.",
    model: "OptiPlex 7010",
    from: 2012,
    to: 2013,
    cpu: "Intel Core i5-3470 CPU @ 3.20GHz",
    ramMb: 4096,
    diskGb: 465,
    serialPrefix: "",
  },
  {
    brand: "HP",
    model: "HP ProDesk 600 G1 SFF",
    from: 2014,
    to: 2015,
    cpu: "Intel Core i5-4570 CPU @ 3.20GHz",
    ramMb: 8192,
    diskGb: 476,
    serialPrefix: "CZC",
  },
  {
    brand: "Dell Inc.",
    model: "OptiPlex 3020",
    from: 2014,
    to: 2015,
    cpu: "Intel Core i3-4150 CPU @ 3.50GHz",
    ramMb: 4096,
    diskGb: 465,
    serialPrefix: "",
  },
  {
    brand: "HP",
    model: "HP ProDesk 400 G3 SFF",
    from: 2016,
    to: 2017,
    cpu: "Intel Core i3-6100 CPU @ 3.70GHz",
    ramMb: 8192,
    diskGb: 238,
    serialPrefix: "CZC",
  },
  {
    brand: "Dell Inc.",
    model: "OptiPlex 3050",
    from: 2017,
    to: 2018,
    cpu: "Intel Core i5-7500 CPU @ 3.40GHz",
    ramMb: 8192,
    diskGb: 238,
    serialPrefix: "",
  },
  {
    brand: "HP",
    model: "HP ProDesk 400 G5 SFF",
    from: 2018,
    to: 2019,
    cpu: "Intel Core i5-8500 CPU @ 3.00GHz",
    ramMb: 8192,
    diskGb: 238,
    serialPrefix: "CZC",
  },
  {
    brand: "Dell Inc.",
    model: "OptiPlex 3070",
    from: 2019,
    to: 2019,
    cpu: "Intel Core i5-9500 CPU @ 3.00GHz",
    ramMb: 8192,
    diskGb: 238,
    serialPrefix: "",
  },
  {
    brand: "HP",
    model: "HP ProDesk 400 G7 SFF",
    from: 2020,
    to: 2021,
    cpu: "Intel Core i5-10500 CPU @ 3.10GHz",
    ramMb: 8192,
    diskGb: 238,
    serialPrefix: "CZC",
  },
  {
    brand: "Dell Inc.",
    model: "OptiPlex 3080",
    from: 2020,
    to: 2021,
    cpu: "Intel Core i5-10505 CPU @ 3.20GHz",
    ramMb: 8192,
    diskGb: 238,
    serialPrefix: "",
  },
  {
    brand: "HP",
    model: "HP Pro SFF 400 G9",
    from: 2022,
    to: 2024,
    cpu: "12th Gen Intel Core i5-12500",
    ramMb: 16384,
    diskGb: 476,
    serialPrefix: "CZC",
  },
  {
    brand: "Dell Inc.",
    model: "OptiPlex 3000",
    from: 2022,
    to: 2024,
    cpu: "12th Gen Intel Core i5-12500",
    ramMb: 16384,
    diskGb: 238,
    serialPrefix: "",
  },
  {
    brand: "HP",
    model: "HP Elite Mini 600 G9",
    from: 2023,
    to: 2025,
    cpu: "12th Gen Intel Core i5-12500T",
    ramMb: 16384,
    diskGb: 476,
    serialPrefix: "CZC",
  },
  {
    brand: "Dell Inc.",
    model: "OptiPlex Small Form Factor 7020",
    from: 2024,
    to: 2025,
    cpu: "Intel Core i5-14500",
    ramMb: 16384,
    diskGb: 476,
    serialPrefix: "",
  },
];

const LAPTOP_MODELS: readonly ComputerModel[] = [
  {
    brand: "HP",
    model: "HP ProBook 450 G6",
    from: 2019,
    to: 2020,
    cpu: "Intel Core i5-8265U CPU @ 1.60GHz",
    ramMb: 8192,
    diskGb: 238,
    serialPrefix: "5CD",
  },
  {
    brand: "HP",
    model: "HP ProBook 450 G8",
    from: 2021,
    to: 2022,
    cpu: "11th Gen Intel Core i5-1135G7 @ 2.40GHz",
    ramMb: 8192,
    diskGb: 238,
    serialPrefix: "5CD",
  },
  {
    brand: "Dell Inc.",
    model: "Latitude 3520",
    from: 2021,
    to: 2022,
    cpu: "11th Gen Intel Core i5-1135G7 @ 2.40GHz",
    ramMb: 8192,
    diskGb: 238,
    serialPrefix: "",
  },
  {
    brand: "Dell Inc.",
    model: "Latitude 3540",
    from: 2023,
    to: 2025,
    cpu: "13th Gen Intel Core i5-1335U",
    ramMb: 16384,
    diskGb: 476,
    serialPrefix: "",
  },
  {
    brand: "HP",
    model: "HP ProBook 440 G10",
    from: 2023,
    to: 2025,
    cpu: "13th Gen Intel Core i5-1335U",
    ramMb: 16384,
    diskGb: 476,
    serialPrefix: "5CD",
  },
];

type TabletModel = ComputerModel & { osFamily: string; osVersion: string };
const TABLET_MODELS: readonly TabletModel[] = [
  {
    brand: "Apple",
    model: "iPad (9th generation) Wi-Fi 64GB",
    from: 2021,
    to: 2023,
    cpu: "Apple A13 Bionic",
    ramMb: 3072,
    diskGb: 64,
    serialPrefix: "DMP",
    osFamily: "iPadOS",
    osVersion: "17.6",
  },
  {
    brand: "Apple",
    model: "iPad (10th generation) Wi-Fi 64GB",
    from: 2023,
    to: 2025,
    cpu: "Apple A14 Bionic",
    ramMb: 4096,
    diskGb: 64,
    serialPrefix: "DMP",
    osFamily: "iPadOS",
    osVersion: "18.5",
  },
  {
    brand: "Lenovo",
    model: "Tab M10 (3rd Gen) TB328FU",
    from: 2022,
    to: 2024,
    cpu: "Unisoc T610",
    ramMb: 4096,
    diskGb: 64,
    serialPrefix: "HA1",
    osFamily: "Android",
    osVersion: "12",
  },
];

const SERVER_MODELS: readonly ComputerModel[] = [
  {
    brand: "HP",
    model: "ProLiant DL360 Gen10",
    from: 2018,
    to: 2021,
    cpu: "Intel Xeon Silver 4210R",
    ramMb: 131072,
    diskGb: 3600,
    serialPrefix: "CZJ",
  },
  {
    brand: "HP",
    model: "ProLiant ML350 Gen10",
    from: 2019,
    to: 2022,
    cpu: "Intel Xeon Silver 4214R",
    ramMb: 98304,
    diskGb: 4800,
    serialPrefix: "CZJ",
  },
  {
    brand: "Dell Inc.",
    model: "PowerEdge R640",
    from: 2018,
    to: 2021,
    cpu: "Intel Xeon Silver 4214",
    ramMb: 131072,
    diskGb: 2400,
    serialPrefix: "",
  },
  {
    brand: "Dell Inc.",
    model: "PowerEdge T440",
    from: 2017,
    to: 2021,
    cpu: "Intel Xeon Silver 4110",
    ramMb: 65536,
    diskGb: 3600,
    serialPrefix: "",
  },
  {
    brand: "Dell Inc.",
    model: "PowerEdge R650xs",
    from: 2022,
    to: 2024,
    cpu: "Intel Xeon Silver 4310",
    ramMb: 131072,
    diskGb: 3840,
    serialPrefix: "",
  },
];

type NetModel = { brand: string; model: string; from: number; to: number; ports: number; serialPrefix: string };

const CORE_SWITCHES: readonly NetModel[] = [
  { brand: "HP", model: "FlexNetwork 5130-48G-4SFP+ EI", from: 2016, to: 2019, ports: 52, serialPrefix: "CN" },
  { brand: "HPE Aruba", model: "Aruba 2930F 48G 4SFP+ Switch", from: 2018, to: 2023, ports: 52, serialPrefix: "CN" },
  { brand: "Cisco", model: "Catalyst 9300-48T", from: 2020, to: 2024, ports: 52, serialPrefix: "FOC" },
];
const BUILDING_SWITCHES: readonly NetModel[] = [
  { brand: "HP", model: "FlexNetwork 5130-24G-4SFP+ EI", from: 2016, to: 2019, ports: 28, serialPrefix: "CN" },
  { brand: "HP", model: "FlexNetwork 5130-48G-4SFP+ EI", from: 2016, to: 2019, ports: 52, serialPrefix: "CN" },
  { brand: "Cisco", model: "Catalyst 2960-24TC-S Switch", from: 2014, to: 2017, ports: 26, serialPrefix: "FCW" },
  { brand: "HPE Aruba", model: "Aruba 2530 48G PoE+ Switch", from: 2017, to: 2022, ports: 52, serialPrefix: "CN" },
  { brand: "HPE Aruba", model: "Aruba CX 6100 48G Class4 PoE 4SFP+", from: 2021, to: 2024, ports: 52, serialPrefix: "CN" },
];
const ROUTERS: readonly NetModel[] = [
  { brand: "Cisco", model: "ISR 1111-4P", from: 2018, to: 2023, ports: 6, serialPrefix: "FGL" },
  { brand: "Cisco", model: "ISR 4321", from: 2016, to: 2020, ports: 3, serialPrefix: "FDO" },
];
const FIREWALLS: readonly NetModel[] = [
  { brand: "Stormshield", model: "SN310", from: 2017, to: 2021, ports: 8, serialPrefix: "SN31" },
  { brand: "Stormshield", model: "SN510", from: 2018, to: 2023, ports: 12, serialPrefix: "SN51" },
  { brand: "Fortinet", model: "FortiGate 60F", from: 2020, to: 2024, ports: 10, serialPrefix: "FGT60F" },
];
const ACCESS_POINTS: readonly NetModel[] = [
  { brand: "HPE Aruba", model: "Aruba AP-505", from: 2020, to: 2024, ports: 1, serialPrefix: "CNF" },
  { brand: "HPE Aruba", model: "Aruba Instant On AP22", from: 2021, to: 2024, ports: 1, serialPrefix: "CNF" },
  { brand: "Cisco", model: "Aironet 1832i", from: 2016, to: 2020, ports: 1, serialPrefix: "FGL" },
];

type PlainModel = { brand: string; model: string; from: number; to: number; serialPrefix: string };
const NAS_MODELS: readonly PlainModel[] = [
  { brand: "Synology", model: "RackStation RS1221+", from: 2021, to: 2024, serialPrefix: "21A0" },
  { brand: "Synology", model: "RackStation RS818+", from: 2017, to: 2020, serialPrefix: "17B0" },
  { brand: "QNAP", model: "TS-873AU-RP", from: 2020, to: 2023, serialPrefix: "Q20" },
];
const UPS_MODELS: readonly PlainModel[] = [
  { brand: "APC", model: "Smart-UPS SRT 2200VA RM", from: 2016, to: 2023, serialPrefix: "AS" },
  { brand: "Eaton", model: "5PX 2200i RT2U", from: 2017, to: 2024, serialPrefix: "G3" },
];
const RACK_MODELS: readonly PlainModel[] = [
  { brand: "APC", model: "NetShelter SX 42U", from: 2012, to: 2018, serialPrefix: "AR" },
  { brand: "Legrand", model: "LCS³ 42U 800x1000", from: 2014, to: 2020, serialPrefix: "LG" },
];
const PRINTER_MODELS: readonly PlainModel[] = [
  { brand: "HP", model: "LaserJet Pro M404dn", from: 2019, to: 2022, serialPrefix: "PHB" },
  { brand: "HP", model: "Color LaserJet Pro MFP M479fdw", from: 2019, to: 2023, serialPrefix: "CNB" },
  { brand: "Kyocera", model: "ECOSYS M3645dn", from: 2018, to: 2023, serialPrefix: "R4P" },
  { brand: "Brother", model: "HL-L6400DW", from: 2017, to: 2022, serialPrefix: "E7" },
];
const PROJECTOR_MODELS: readonly PlainModel[] = [
  { brand: "Epson", model: "EB-680", from: 2017, to: 2021, serialPrefix: "X4" },
  { brand: "Epson", model: "EB-695Wi", from: 2016, to: 2020, serialPrefix: "X5" },
  { brand: "Epson", model: "EB-760Wi", from: 2022, to: 2025, serialPrefix: "X9" },
  { brand: "Optoma", model: "W400LVe", from: 2018, to: 2022, serialPrefix: "Q8" },
];
const PHONE_MODELS: readonly PlainModel[] = [
  { brand: "Yealink", model: "SIP-T54W", from: 2020, to: 2024, serialPrefix: "80" },
  { brand: "Alcatel-Lucent", model: "8018 DeskPhone", from: 2017, to: 2022, serialPrefix: "AL" },
];

type SoftwareDef = {
  name: string;
  brand: string;
  version: string;
  licences: "pcs" | number;
  funding: "region" | "own_funds";
  pro?: boolean;
};
const SOFTWARE: readonly SoftwareDef[] = [
  { name: "LibreOffice", brand: "The Document Foundation", version: "24.8.4", licences: "pcs", funding: "region" },
  { name: "GeoGebra Classic", brand: "GeoGebra GmbH", version: "6.0.861", licences: "pcs", funding: "region" },
  { name: "Pronote client", brand: "Index Éducation", version: "2025.0.3", licences: 60, funding: "own_funds" },
  { name: "SolidWorks Éducation", brand: "Dassault Systèmes", version: "2024 SP3", licences: 30, funding: "region", pro: true },
];

type VmDef = { slug: string; osFamily: string; osVersion: string; vcpu: number; ramMb: number; diskGb: number };
const VMS: readonly VmDef[] = [
  { slug: "scribe", osFamily: "Linux", osVersion: "Ubuntu 22.04 (EOLE 2.9 Scribe)", vcpu: 4, ramMb: 16384, diskGb: 1024 },
  { slug: "pronote", osFamily: "Windows", osVersion: "Windows Server 2022", vcpu: 4, ramMb: 8192, diskGb: 200 },
  { slug: "wapt", osFamily: "Linux", osVersion: "Debian 12", vcpu: 2, ramMb: 4096, diskGb: 120 },
];

/* ------------------------------------------------------------------------------------ */
/* Identifiers                                                                            */
/* ------------------------------------------------------------------------------------ */

const B36_6 = 36 ** 6;
const B36_2 = 36 ** 2;
const b36 = (n: number, width: number) => n.toString(36).toUpperCase().padStart(width, "0");

/**
 * Six base-36 characters that identify the school: the UAI (7 digits + a letter) is
 * mapped injectively into [0, 36^6) and scrambled by an affine bijection (the factor is
 * prime to 36) so it looks random.
 */
function schoolCode(uai: string): string {
  const m = /^(\d{7})([A-Z])$/.exec(uai.toUpperCase());
  const n = m ? Number(m[1]) * 26 + ((m[2] as string).charCodeAt(0) - 65) : hash32(uai.toUpperCase()) % B36_6;
  return b36((n * 1_000_003 + 104_729) % B36_6, 6);
}

/** Two base-36 characters for the item index (bijective on 0..1295). */
const itemCode = (index: number): string => b36((index * 23 + 7) % B36_2, 2);

const pad = (n: number, width: number) => String(n).padStart(width, "0");

function uuidLike(rng: Rng): string {
  const hex = (len: number) =>
    Array.from({ length: len }, () => rng.int(0, 15).toString(16))
      .join("")
      .toUpperCase();
  return `${hex(8)}-${hex(4)}-${hex(4)}-${hex(4)}-${hex(12)}`;
}

/* ------------------------------------------------------------------------------------ */
/* Generation                                                                             */
/* ------------------------------------------------------------------------------------ */

const MIN_ITEMS = 60;
const MAX_ITEMS = 140;

type Room = { code: string; building: string; size: number };

/** Years of PC batches: "old" ones are more than five years old at the 2025 school start. */
const OLD_YEARS = [2013, 2014, 2015, 2016, 2017, 2018, 2019] as const;
const NEW_YEARS = [2021, 2022, 2023, 2024, 2025] as const;

function modelsFor<T extends { from: number; to: number }>(models: readonly T[], year: number): T[] {
  const fit = models.filter((m) => m.from <= year && year <= m.to);
  return fit.length > 0 ? fit : [...models];
}

export function generateInventory(uai: string, establishmentType: string): SeedCi[] {
  const UAI = uai.trim().toUpperCase();
  const prefix = UAI.toLowerCase();
  const rng = makeRng(hash32(`cmdb:${UAI}`));
  const vocational = /^(LP|LPO)$/i.test(establishmentType.trim());
  const school = schoolCode(UAI);
  const subnet = 10 + (hash32(`net:${UAI}`) % 240);
  const regionBase = (hash32(`region:${UAI}`) % 600) * 150;

  const items: SeedCi[] = [];

  /** Adds an item; fills the identifiers that follow from the item's index. */
  const add = (
    ci: Omit<SeedCi, "serialNumber" | "regionNumber" | "assetNumber" | "funding" | "status" | "criticality"> &
      Partial<Pick<SeedCi, "assetNumber" | "funding" | "status" | "criticality">> & { serialPrefix?: string | null },
  ): SeedCi => {
    const index = items.length;
    const { serialPrefix, ...rest } = ci;
    const funding = ci.funding ?? "region";
    const hasRegionNumber = funding === "region" && serialPrefix != null && ci.deliveryDate != null && rng.chance(0.85);
    const item: SeedCi = {
      ...rest,
      status: ci.status ?? "production",
      criticality: ci.criticality ?? "low",
      funding,
      assetNumber: ci.assetNumber ?? null,
      serialNumber: serialPrefix == null ? null : `${serialPrefix}${school}${itemCode(index)}`,
      regionNumber: hasRegionNumber ? `${(ci.deliveryDate as string).slice(2, 4)}-${pad(regionBase + index, 5)}` : null,
    };
    items.push(item);
    return item;
  };

  /** Purchase and delivery dates of a device sold from `from` to `to`. */
  const bought = (from: number, to: number) => {
    const year = rng.int(Math.max(2012, from), Math.min(2025, to));
    const purchaseDate = purchaseInYear(rng, year);
    return { purchaseDate, deliveryDate: addDays(purchaseDate, rng.int(7, 45)) };
  };
  const yearOf = (iso: string) => Number(iso.slice(0, 4));

  const computerAttributes = (m: ComputerModel, osFamily: string, osVersion: string, installFrom: string) => ({
    os_family: osFamily,
    os_version: osVersion,
    os_install_date: dateBetween(rng, installFrom, LAST_INSTALL),
    cpu: m.cpu,
    ram_mb: m.ramMb,
    disk_gb: m.diskGb,
  });

  /* ---- layout ------------------------------------------------------------------------ */

  const buildingCount = rng.int(2, 3);
  const buildings = ["A", "B", "C"].slice(0, buildingCount);
  const baseRooms = rng.int(5, 7);
  const extraRooms = rng.int(1, 2); // drawn for every type so the stream stays aligned
  const roomCount = Math.min(9, baseRooms + (vocational ? extraRooms : 0));

  const usedCodes = new Set<string>();
  const rooms: Room[] = [];
  for (let i = 0; i < roomCount; i++) {
    const building = buildings[i % buildings.length] as string;
    let code: string;
    do code = `${building}${rng.int(0, 2)}${pad(rng.int(1, 18), 2)}`;
    while (usedCodes.has(code));
    usedCodes.add(code);
    rooms.push({ code, building, size: rng.int(8, 16) });
  }
  rooms.sort((a, b) => a.code.localeCompare(b.code));

  const counts = {
    servers: rng.int(1, 2),
    vms: rng.int(1, 2),
    aps: rng.int(2, 4),
    printers: rng.int(2, 4),
    phones: 2,
    software: rng.int(2, 3),
    laptops: rng.int(3, 6),
    tablets: rng.int(2, 4),
    spares: rng.int(1, 2),
  };
  const infraCount = 6 + counts.servers + counts.vms + buildings.length; // rack, ups, router, firewall, core, nas
  const otherItems =
    infraCount +
    counts.aps +
    counts.printers +
    counts.phones +
    counts.software +
    counts.laptops +
    counts.tablets +
    counts.spares +
    rooms.length; // one projector per classroom

  // The mixed room is the largest one, kept at 12 seats or more, so both batches are visible.
  const mixed = rooms.reduce((best, r) => (r.size > best.size ? r : best), rooms[0] as Room);
  mixed.size = Math.max(mixed.size, 12);
  // Keep the school within MAX_ITEMS by trimming the largest rooms (never below 8 seats).
  while (otherItems + rooms.reduce((s, r) => s + r.size, 0) > MAX_ITEMS) {
    const largest = rooms.filter((r) => r !== mixed || r.size > 12).reduce((best, r) => (r.size > best.size ? r : best));
    if (largest.size <= 8) break;
    largest.size -= 1;
  }

  // Choose which rooms hold a batch older than five years, aiming at 20% of all PCs:
  // the best subset of the other rooms, completed by the old half of the mixed room.
  const totalPcs = rooms.reduce((s, r) => s + r.size, 0) + counts.spares;
  const target = totalPcs * 0.2;
  const otherRooms = rooms.filter((r) => r !== mixed);
  const start = rng.int(0, (1 << otherRooms.length) - 1);
  let best = { mask: 0, mixedOld: 2, gap: Number.POSITIVE_INFINITY };
  for (let k = 0; k < 1 << otherRooms.length; k++) {
    const mask = (k + start) % (1 << otherRooms.length);
    const sum = otherRooms.reduce((s, r, i) => ((mask >> i) & 1 ? s + r.size : s), 0);
    const mixedOld = Math.min(mixed.size - 3, Math.max(2, Math.round(target - sum)));
    const gap = Math.abs(sum + mixedOld - target);
    if (gap < best.gap - 1e-9) best = { mask, mixedOld, gap };
  }
  const oldRooms = new Set(otherRooms.filter((_, i) => (best.mask >> i) & 1));

  /* ---- server room ----------------------------------------------------------------------- */

  const SERVER_ROOM = "Salle serveurs";
  const serverBuilding = "A";
  const mgmt = (host: number) => `10.${subnet}.1.${host}`;

  const rackModel = rng.pick(RACK_MODELS);
  add({
    name: `${prefix}-rack01`,
    class: "rack",
    building: serverBuilding,
    room: SERVER_ROOM,
    brand: rackModel.brand,
    model: rackModel.model,
    ...bought(rackModel.from, rackModel.to),
    attributes: { units: 42 },
    parentName: null,
    serialPrefix: rackModel.serialPrefix,
  });

  const upsModel = rng.pick(UPS_MODELS);
  add({
    name: `${prefix}-ups01`,
    class: "ups",
    building: serverBuilding,
    room: SERVER_ROOM,
    brand: upsModel.brand,
    model: upsModel.model,
    ...bought(upsModel.from, upsModel.to),
    attributes: {},
    parentName: null,
    serialPrefix: upsModel.serialPrefix,
  });

  const routerModel = rng.pick(ROUTERS);
  const router = add({
    name: `${prefix}-rtr01`,
    class: "router",
    building: serverBuilding,
    room: SERVER_ROOM,
    brand: routerModel.brand,
    model: routerModel.model,
    ...bought(routerModel.from, routerModel.to),
    attributes: { ports: routerModel.ports, management_ip: mgmt(254) },
    parentName: null,
    serialPrefix: routerModel.serialPrefix,
  });

  const fwModel = rng.pick(FIREWALLS);
  const firewall = add({
    name: `${prefix}-fw01`,
    class: "firewall",
    building: serverBuilding,
    room: SERVER_ROOM,
    criticality: "high",
    brand: fwModel.brand,
    model: fwModel.model,
    ...bought(fwModel.from, fwModel.to),
    attributes: { ports: fwModel.ports, management_ip: mgmt(1) },
    parentName: router.name,
    serialPrefix: fwModel.serialPrefix,
  });

  let switchNumber = 200;
  const coreModel = rng.pick(CORE_SWITCHES);
  const core = add({
    name: `rca${prefix}sw${switchNumber++}.SRV.${rng.int(1, 4)}`,
    class: "network_switch",
    building: serverBuilding,
    room: SERVER_ROOM,
    criticality: "high",
    brand: coreModel.brand,
    model: coreModel.model,
    ...bought(coreModel.from, coreModel.to),
    attributes: { ports: coreModel.ports, management_ip: mgmt(2) },
    parentName: firewall.name,
    serialPrefix: coreModel.serialPrefix,
  });

  const servers: SeedCi[] = [];
  for (let i = 0; i < counts.servers; i++) {
    const m = rng.pick(SERVER_MODELS);
    const when = bought(m.from, m.to);
    servers.push(
      add({
        name: `${prefix}-srv${pad(i + 1, 2)}`,
        class: "server",
        building: serverBuilding,
        room: SERVER_ROOM,
        criticality: "high",
        brand: m.brand,
        model: m.model,
        ...when,
        attributes: computerAttributes(
          m,
          "Linux",
          rng.pick(["Debian 12 (Proxmox VE 8.2)", "Debian 12 (Proxmox VE 8.3)"]),
          maxIso(when.deliveryDate, "2023-07-01"),
        ),
        parentName: core.name,
        serialPrefix: m.serialPrefix,
      }),
    );
  }

  for (let i = 0; i < counts.vms; i++) {
    const vm = VMS[i] as VmDef;
    const host = servers[i % servers.length] as SeedCi;
    add({
      name: `${prefix}-vm-${vm.slug}`,
      class: "virtual_machine",
      building: null,
      room: null,
      brand: null,
      model: null,
      purchaseDate: null,
      deliveryDate: null,
      attributes: {
        os_family: vm.osFamily,
        os_version: vm.osVersion,
        os_install_date: dateBetween(rng, maxIso(host.deliveryDate ?? "2023-07-01", "2023-07-01"), LAST_INSTALL),
        cpu: `${vm.vcpu} vCPU`,
        ram_mb: vm.ramMb,
        disk_gb: vm.diskGb,
      },
      parentName: host.name,
      serialPrefix: null,
    });
  }

  const nasModel = rng.pick(NAS_MODELS);
  add({
    name: `${prefix}-nas01`,
    class: "nas",
    building: serverBuilding,
    room: SERVER_ROOM,
    criticality: "medium",
    brand: nasModel.brand,
    model: nasModel.model,
    ...bought(nasModel.from, nasModel.to),
    attributes: {},
    parentName: core.name,
    serialPrefix: nasModel.serialPrefix,
  });

  /* ---- building switches ------------------------------------------------------------------- */

  const buildingSwitch = new Map<string, SeedCi>();
  buildings.forEach((b, i) => {
    const m = rng.pick(BUILDING_SWITCHES);
    const srRoom = `SR${b}${rng.int(0, 1)}`;
    buildingSwitch.set(
      b,
      add({
        name: `rca${prefix}sw${switchNumber++}.${srRoom}.${rng.int(2, 47)}`,
        class: "network_switch",
        building: b,
        room: srRoom,
        criticality: "medium",
        brand: m.brand,
        model: m.model,
        ...bought(m.from, m.to),
        attributes: { ports: m.ports, management_ip: mgmt(10 + i) },
        parentName: core.name,
        serialPrefix: m.serialPrefix,
      }),
    );
  });
  const uplink = (building: string) => (buildingSwitch.get(building) as SeedCi).name;

  /* ---- WiFi, printers, phones (shared spaces) ------------------------------------------------- */

  const shared: { room: string; building: string }[] = [
    { room: "CDI", building: "B" },
    { room: "Salle des professeurs", building: "A" },
    { room: "Vie scolaire", building: "A" },
    { room: "Foyer des élèves", building: "B" },
    { room: "Secrétariat", building: "A" },
    { room: "Intendance", building: "A" },
  ];
  // a third building gets its own corridor AP
  if (buildings.includes("C")) shared.splice(3, 0, { room: "Couloir C1", building: "C" });

  const apSpots = rng.shuffle(shared.filter((s) => !["Secrétariat", "Intendance"].includes(s.room))).slice(0, counts.aps);
  apSpots.forEach((spot, i) => {
    const m = rng.pick(ACCESS_POINTS);
    add({
      name: `${prefix}-ap${pad(i + 1, 2)}`,
      class: "wifi_access_point",
      building: spot.building,
      room: spot.room,
      brand: m.brand,
      model: m.model,
      ...bought(m.from, m.to),
      attributes: { ports: m.ports, management_ip: mgmt(50 + i) },
      parentName: uplink(spot.building),
      serialPrefix: m.serialPrefix,
    });
  });

  const printerSpots = rng
    .shuffle(shared.filter((s) => !s.room.startsWith("Couloir") && s.room !== "Foyer des élèves"))
    .slice(0, counts.printers);
  printerSpots.forEach((spot, i) => {
    const m = rng.pick(PRINTER_MODELS);
    const ownFunds = spot.room === "Intendance" || spot.room === "Secrétariat";
    add({
      name: `${prefix}-imp${pad(i + 1, 2)}`,
      class: "printer",
      building: spot.building,
      room: spot.room,
      brand: m.brand,
      model: m.model,
      ...bought(m.from, m.to),
      funding: ownFunds ? "own_funds" : "region",
      attributes: {},
      parentName: uplink(spot.building),
      serialPrefix: m.serialPrefix,
    });
  });

  const phoneSpots = [
    { room: "Accueil", building: "A" },
    { room: "Vie scolaire", building: "A" },
  ];
  const phoneModel = rng.pick(PHONE_MODELS);
  const phoneWhen = bought(phoneModel.from, phoneModel.to);
  phoneSpots.forEach((spot, i) => {
    add({
      name: `${prefix}-tel${pad(i + 1, 2)}`,
      class: "ip_phone",
      building: spot.building,
      room: spot.room,
      brand: phoneModel.brand,
      model: phoneModel.model,
      ...phoneWhen,
      funding: "own_funds",
      attributes: {},
      parentName: uplink(spot.building),
      serialPrefix: phoneModel.serialPrefix,
    });
  });

  /* ---- classrooms ----------------------------------------------------------------------------- */

  const pcBatch = (old: boolean) => {
    const year = rng.pick(old ? OLD_YEARS : NEW_YEARS);
    const model = rng.pick(modelsFor(PC_MODELS, year));
    const purchaseDate = purchaseInYear(rng, year);
    const deliveryDate = addDays(purchaseDate, rng.int(10, 45));
    // a room is mastered once: one install date per batch
    const win11 = year >= 2018;
    const installFrom = win11 ? maxIso(deliveryDate, "2022-07-01") : maxIso(deliveryDate, "2019-07-01");
    const osInstall = dateBetween(rng, installFrom, LAST_INSTALL);
    return { year, model, purchaseDate, deliveryDate, win11, osInstall };
  };
  type Batch = ReturnType<typeof pcBatch>;

  let newestBatch: Batch | null = null;
  const newPcs: SeedCi[] = [];
  const oldPcs: SeedCi[] = [];

  const addPc = (room: Room, seat: number, batch: Batch, old: boolean) => {
    const obsolete = old && rng.chance(batch.year <= 2015 ? 0.6 : 0.2);
    const osVersion = obsolete && batch.year <= 2013 ? "win7-x64" : batch.win11 ? "win11-x64" : "win10-x64";
    const pc = add({
      name: `${prefix}-${room.code.toLowerCase()}-pc${pad(seat, 2)}`,
      class: "pc",
      building: room.building,
      room: room.code,
      status: obsolete ? "obsolete" : "production",
      brand: batch.model.brand,
      model: batch.model.model,
      purchaseDate: batch.purchaseDate,
      deliveryDate: batch.deliveryDate,
      assetNumber: rng.chance(0.8) ? uuidLike(rng) : null,
      attributes: {
        os_family: "Windows",
        os_version: osVersion,
        os_install_date: batch.osInstall,
        cpu: batch.model.cpu,
        ram_mb: batch.model.ramMb,
        disk_gb: batch.model.diskGb,
      },
      parentName: uplink(room.building),
      serialPrefix: batch.model.serialPrefix,
    });
    (old ? oldPcs : newPcs).push(pc);
  };

  for (const room of rooms) {
    if (room === mixed) {
      const oldBatch = pcBatch(true);
      const newBatch = pcBatch(false);
      for (let s = 1; s <= room.size; s++) {
        const old = s <= best.mixedOld;
        addPc(room, s, old ? oldBatch : newBatch, old);
      }
      if (!newestBatch || newBatch.year > newestBatch.year) newestBatch = newBatch;
    } else {
      const old = oldRooms.has(room);
      const batch = pcBatch(old);
      for (let s = 1; s <= room.size; s++) addPc(room, s, batch, old);
      if (!old && (!newestBatch || batch.year > newestBatch.year)) newestBatch = batch;
    }
    const vp = rng.pick(PROJECTOR_MODELS);
    add({
      name: `${prefix}-${room.code.toLowerCase()}-vp01`,
      class: "video_projector",
      building: room.building,
      room: room.code,
      brand: vp.brand,
      model: vp.model,
      ...bought(vp.from, vp.to),
      attributes: {},
      parentName: null,
      serialPrefix: vp.serialPrefix,
    });
  }

  // Make sure the inventory shows every life-cycle state the demo needs.
  if (oldPcs.length > 0 && !oldPcs.some((pc) => pc.status === "obsolete")) (oldPcs[0] as SeedCi).status = "obsolete";
  for (const pc of rng.shuffle(newPcs).slice(0, rng.int(1, 2))) pc.status = "repair";

  /* ---- mobile trolley ------------------------------------------------------------------------- */

  const trolley = { room: "Chariot mobile 1", building: "B" };
  const laptopModel = rng.pick(LAPTOP_MODELS);
  const laptopWhen = bought(laptopModel.from, laptopModel.to);
  const laptopOs = yearOf(laptopWhen.purchaseDate) >= 2021 ? "win11-x64" : "win10-x64";
  const laptopInstall = dateBetween(rng, maxIso(laptopWhen.deliveryDate, "2022-07-01"), LAST_INSTALL);
  for (let i = 0; i < counts.laptops; i++) {
    const outOfWarranty = yearOf(laptopWhen.purchaseDate) <= 2021; // 3-year warranty
    add({
      name: `${prefix}-lap${pad(i + 1, 2)}`,
      class: "laptop",
      building: trolley.building,
      room: trolley.room,
      status: outOfWarranty && rng.chance(0.25) ? "obsolete" : i === 0 && rng.chance(0.5) ? "repair" : "production",
      brand: laptopModel.brand,
      model: laptopModel.model,
      ...laptopWhen,
      assetNumber: rng.chance(0.8) ? uuidLike(rng) : null,
      attributes: {
        os_family: "Windows",
        os_version: laptopOs,
        os_install_date: laptopInstall,
        cpu: laptopModel.cpu,
        ram_mb: laptopModel.ramMb,
        disk_gb: laptopModel.diskGb,
      },
      parentName: null,
      serialPrefix: laptopModel.serialPrefix,
    });
  }

  const tabletModel = rng.pick(TABLET_MODELS);
  const tabletWhen = bought(tabletModel.from, tabletModel.to);
  for (let i = 0; i < counts.tablets; i++) {
    add({
      name: `${prefix}-tab${pad(i + 1, 2)}`,
      class: "tablet",
      building: trolley.building,
      room: trolley.room,
      brand: tabletModel.brand,
      model: tabletModel.model,
      ...tabletWhen,
      attributes: computerAttributes(
        tabletModel,
        tabletModel.osFamily,
        tabletModel.osVersion,
        maxIso(tabletWhen.deliveryDate, "2024-09-16"),
      ),
      parentName: null,
      serialPrefix: tabletModel.serialPrefix,
    });
  }

  /* ---- spare PCs in stock --------------------------------------------------------------------- */

  const spareBatch = newestBatch ?? pcBatch(false);
  for (let i = 0; i < counts.spares; i++) {
    add({
      name: `${prefix}-stock-pc${pad(i + 1, 2)}`,
      class: "pc",
      building: "A",
      room: "Réserve informatique",
      status: "stock",
      brand: spareBatch.model.brand,
      model: spareBatch.model.model,
      purchaseDate: spareBatch.purchaseDate,
      deliveryDate: spareBatch.deliveryDate,
      assetNumber: null,
      attributes: {
        os_family: "Windows",
        os_version: spareBatch.win11 ? "win11-x64" : "win10-x64",
        os_install_date: spareBatch.osInstall,
        cpu: spareBatch.model.cpu,
        ram_mb: spareBatch.model.ramMb,
        disk_gb: spareBatch.model.diskGb,
      },
      parentName: null,
      serialPrefix: spareBatch.model.serialPrefix,
    });
  }

  /* ---- software ------------------------------------------------------------------------------- */

  const pcCount = items.filter((ci) => ci.class === "pc").length;
  const catalogue = SOFTWARE.filter((s) => !s.pro || vocational);
  for (const sw of rng.shuffle(catalogue).slice(0, counts.software)) {
    add({
      name: sw.name,
      class: "software",
      building: null,
      room: null,
      brand: sw.brand,
      model: sw.name,
      purchaseDate: null,
      deliveryDate: null,
      funding: sw.funding,
      attributes: { version: sw.version, licence_count: sw.licences === "pcs" ? pcCount : sw.licences },
      parentName: null,
      serialPrefix: null,
    });
  }

  if (items.length < MIN_ITEMS || items.length > MAX_ITEMS) {
    throw new Error(`generated inventory for ${UAI} has ${items.length} items, outside ${MIN_ITEMS}–${MAX_ITEMS}`);
  }
  return items;
}
