import { describe, expect, it } from "vitest";
import { checkSiteFields, isoToFrenchDate, normaliseName, parseCsvRecords, parseDecimal, parseFrenchDate, readSitesCsv } from "./sites-csv";

const reference = {
  regions: [
    { code: "maritime" as const, name: "Maritime" },
    { code: "kara" as const, name: "Kara" },
  ],
  towns: [
    { id: 1, name: "Lomé", regionCode: "maritime" as const },
    { id: 2, name: "Kara", regionCode: "kara" as const },
  ],
};

const header = "code;nom;type;region;ville;adresse;latitude;longitude;phase;capacite_mbps;raccorde_le";

describe("site fields", () => {
  it("reads French decimals and dates", () => {
    expect(parseDecimal("6,1319")).toBe(6.1319);
    expect(parseDecimal("1.2")).toBe(1.2);
    expect(parseDecimal("abc")).toBeNull();
    expect(parseFrenchDate("01/03/2017")).toBe("2017-03-01");
    expect(parseFrenchDate("2017-03-01")).toBe("2017-03-01");
    expect(parseFrenchDate("31/02/2017")).toBeNull();
    expect(isoToFrenchDate("2017-03-01")).toBe("01/03/2017");
    expect(normaliseName(" Capacité-Mbps ")).toBe("capacite_mbps");
  });

  it("checks a form's fields: town of the region, bounds, phase, capacity", () => {
    const base = { code: "lom-0999", name: "Test", kind: "campus", region: "maritime", town: "1", address: "", lat: "6,13", lng: "1,22", phase: "1", capacityMbps: "", connectedOn: "" };
    const ok = checkSiteFields(base, reference);
    expect(ok.errors).toEqual({});
    expect(ok.values).toMatchObject({ code: "LOM-0999", townId: 1, lat: 6.13, capacityMbps: 100, connectedOn: null, address: null });
    const bad = checkSiteFields({ ...base, code: "é", town: "2", lat: "4", lng: "x", phase: "3", capacityMbps: "0", connectedOn: "32/01/2020" }, reference);
    expect(bad.values).toBeUndefined();
    expect(bad.errors).toEqual({
      code: "errors.code.format",
      town: "errors.town.notInRegion",
      lat: "errors.lat.outOfTogo",
      lng: "errors.decimal",
      phase: "errors.phase",
      capacityMbps: "errors.capacity",
      connectedOn: "errors.date",
    });
  });
});

describe("CSV", () => {
  it("parses quotes, doubled quotes, separators and line breaks inside quotes", () => {
    const records = parseCsvRecords('a;"b;c";"d ""e"""\r\n\r\n1;"x\ny";3\n', ";");
    expect(records).toEqual([
      { line: 1, cells: ["a", "b;c", 'd "e"'] },
      { line: 3, cells: ["1", "x\ny", "3"] },
    ]);
  });

  it("reads a valid file with a BOM, comma separator and free column order", () => {
    const text = "\uFEFFNom,Code,Type,Région,Ville,Latitude,Longitude,Phase\n\"Lycée, annexe\",KAR-0900,lycee,Kara,kara,\"9,55\",\"1,18\",2\n";
    const { lines, errors } = readSitesCsv(text, reference);
    expect(errors).toEqual([]);
    expect(lines).toEqual([
      { line: 2, values: expect.objectContaining({ code: "KAR-0900", name: "Lycée, annexe", regionCode: "kara", townId: 2, lat: 9.55, phase: 2, capacityMbps: 100 }) },
    ]);
  });

  it("reports every error with its line and column, and duplicate codes", () => {
    const text = [
      header,
      "LOM-0901;A;campus;maritime;Lomé;;6.1;1.2;1;100;01/02/2020",
      "LOM-0902;B;castle;Nowhere;Lomé;;6.1;1.2;1;;",
      "LOM-0903;C;campus;maritime;Kara;;abc;1.2;1;;",
      "LOM-0901;D;campus;maritime;Lomé;;6.1;1.2;1;;",
    ].join("\n");
    const { lines, errors } = readSitesCsv(text, reference);
    expect(lines.map((l) => l.line)).toEqual([2, 5]);
    expect(errors).toEqual([
      { line: 3, column: "type", key: "errors.kind.unknown", value: "castle" },
      { line: 3, column: "region", key: "errors.region.unknown", value: "Nowhere" },
      { line: 4, column: "ville", key: "errors.town.unknown", value: "Kara" },
      { line: 4, column: "latitude", key: "errors.decimal", value: "abc" },
      { line: 5, column: "code", key: "errors.csv.duplicateCode", value: "2" },
    ]);
  });

  it("refuses a file without the required columns, empty, or without lines", () => {
    expect(readSitesCsv("code;nom\n", reference).errors[0]).toEqual({ line: 1, column: "type", key: "errors.csv.missingColumn" });
    expect(readSitesCsv("", reference).errors).toEqual([{ line: 0, key: "errors.csv.empty" }]);
    expect(readSitesCsv(`${header}\n`, reference).errors).toEqual([{ line: 0, key: "errors.csv.noLines" }]);
    expect(readSitesCsv(`${header};extra\n`, reference).errors).toEqual([{ line: 1, key: "errors.csv.unknownColumn", value: "extra" }]);
  });
});
