import { expect, test } from "vitest";
import {
  attributeKeysFor,
  parseCiAttributes,
  parseCiDate,
  vocabularyValue,
  CI_CLASS_ALIASES,
  CI_CLASS_LABELS,
  CI_STATUS_ALIASES,
  CI_STATUS_LABELS,
} from "./ci-classes";
import { CI_CLASSES, type CiClass } from "./vocabulary";

test.each<[CiClass, Record<string, unknown>, boolean]>([
  [
    "pc",
    { os_family: "Windows", os_version: "win7-x64", os_install_date: "2016-06-23", cpu: "Intel Pentium G2020", ram_mb: 4096, disk_gb: 476 },
    true,
  ],
  ["virtual_machine", { cpu: "2 vCPU", ram_mb: 8192 }, true],
  ["pc", { ram_mb: 4096.5 }, false],
  ["pc", { ram_mb: -1 }, false],
  ["pc", { os_install_date: "23/06/2016" }, false],
  ["pc", { ports: 24 }, false],
  ["network_switch", { ports: 52, management_ip: "10.37.1.2" }, true],
  ["router", { management_ip: "2001:db8::1" }, true],
  ["firewall", { management_ip: "10.37.1.300" }, false],
  ["network_switch", { ram_mb: 512 }, false],
  ["software", { version: "24.8.4", licence_count: 60 }, true],
  ["software", { licence_count: "soixante" }, false],
  ["software", { os_family: "Windows" }, false],
  ["rack", { units: 42 }, true],
  ["printer", {}, true],
  ["printer", { management_ip: "10.0.0.1" }, false],
])("%s with %j valid: %s", (ciClass, attributes, valid) => {
  expect(parseCiAttributes(ciClass, attributes).success).toBe(valid);
});

test("an attribute another class holds is named in the error", () => {
  const parsed = parseCiAttributes("network_switch", { ram_mb: 512 });
  expect(parsed.success).toBe(false);
  expect(parsed.error?.issues[0]).toMatchObject({ code: "unrecognized_keys", keys: ["ram_mb"] });
});

test("every class has a schema; computers take the OS fields, software its licences", () => {
  for (const ciClass of CI_CLASSES) expect(Array.isArray(attributeKeysFor(ciClass))).toBe(true);
  expect(attributeKeysFor("laptop")).toEqual(["os_family", "os_version", "os_install_date", "cpu", "ram_mb", "disk_gb"]);
  expect(attributeKeysFor("software")).toEqual(["version", "licence_count"]);
  expect(attributeKeysFor("video_projector")).toEqual([]);
});

test.each([
  ["2016-06-23", "2016-06-23"],
  ["23/06/2016", "2016-06-23"],
  ["3/9/2021", "2021-09-03"],
  ["2021-09-01 00:00:00", "2021-09-01"],
  ["2023-02-29", null],
  ["31/04/2020", null],
  ["2016-13-01", null],
  ["hier", null],
  ["", null],
])("date %j → %j", (raw, expected) => {
  expect(parseCiDate(raw)).toBe(expected);
});

test.each([
  ["obsolète", "obsolete"],
  ["Obsolete", "obsolete"],
  ["En réparation", "repair"],
  ["rebut", "disposed"],
  ["production", "production"],
  ["cassé", null],
])("status %j → %j", (raw, expected) => {
  expect(vocabularyValue(CI_STATUS_LABELS, raw, CI_STATUS_ALIASES)).toBe(expected);
});

test.each([
  ["pc", "pc"],
  ["network_switch", "network_switch"],
  ["Commutateur", "network_switch"],
  ["Borne WiFi", "wifi_access_point"],
  ["Serveur", "server"],
  ["Ordinateur portable", "laptop"],
  ["VM", "virtual_machine"],
  ["grille-pain", null],
])("class %j → %j", (raw, expected) => {
  expect(vocabularyValue(CI_CLASS_LABELS, raw, CI_CLASS_ALIASES)).toBe(expected);
});
