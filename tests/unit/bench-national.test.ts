import { describe, expect, test } from "vitest";
import { isValidUai } from "@/lib/domain/uai";
import { VOLUMES, volumeFor } from "@/bench/config";
import { OTHER_REGIONS, nationalGeography, nationalTechnicians } from "@/bench/volume/national";

describe("the national volume's geography (bench/volume/national.ts)", () => {
  const { zones, schools } = nationalGeography(VOLUMES.national.addedSchools);

  test("about 1,980 schools in the twelve other Régions, one zone per département, each UAI valid and unique", () => {
    expect(OTHER_REGIONS).toHaveLength(12);
    expect(schools.length).toBeGreaterThanOrEqual(1_970);
    expect(schools.length).toBeLessThanOrEqual(1_990);
    expect(new Set(schools.map((school) => school.uai)).size).toBe(schools.length);
    for (const school of schools) expect(isValidUai(school.uai), school.uai).toBe(true);
    expect(new Set(zones.map((zone) => zone.code)).size).toBe(zones.length);
    expect(zones.reduce((sum, zone) => sum + zone.schools, 0)).toBe(schools.length);
    // Corsica's UAIs start 620 and 720, the others with their département.
    expect(schools.find((school) => school.departement === "2A")!.uai.slice(0, 3)).toBe("620");
    expect(schools.find((school) => school.departement === "93")!.uai.slice(0, 3)).toBe("093");
    expect(new Set(zones.map((zone) => zone.code.split("-")[0]))).toEqual(new Set(OTHER_REGIONS.map((region) => region.code)));
  });

  test("a fraction keeps every Région and one technician for four schools per zone", () => {
    const small = nationalGeography(40);
    expect(new Set(small.zones.map((zone) => zone.code.split("-")[0])).size).toBe(12);
    const technicians = nationalTechnicians(zones);
    expect(technicians["IDF-93"]).toBe(Math.ceil(zones.find((zone) => zone.code === "IDF-93")!.schools / 4));
  });

  test("--scale and --fraction: the default volume is unchanged, a fraction scales tickets, items and schools", () => {
    expect(volumeFor([])).toEqual(VOLUMES.region);
    expect(VOLUMES.region).toMatchObject({ tickets: 250_000, configurationItems: 100_000, addedSchools: 0 });
    expect(volumeFor(["--scale", "national", "--fraction", "0.2"])).toMatchObject({
      scale: "national",
      tickets: 500_000,
      configurationItems: 200_000,
      addedSchools: 396,
      firstDay: "2016-09-01",
    });
    expect(() => volumeFor(["--scale", "country"])).toThrow();
    expect(() => volumeFor(["--fraction", "0"])).toThrow();
  });
});
