import { describe, expect, it } from "vitest";
import { labelIndexes, niceMax, niceStep, wrapText } from "./scale";

describe("chart scales", () => {
  it.each([
    [0, 1],
    [3, 1],
    [10, 5],
    [37, 10],
    [120, 50],
    [1800, 500],
  ])("niceStep(%i) = %i", (max, step) => expect(niceStep(max)).toBe(step));

  it("tops the axis at a multiple of the step", () => {
    expect(niceMax(37)).toEqual({ top: 40, step: 10 });
    expect(niceMax(0)).toEqual({ top: 1, step: 1 });
  });

  it("wraps words", () => {
    expect(wrapText("Extrait de casier judiciaire (bulletin n° 3)", 20)).toEqual(["Extrait de casier", "judiciaire (bulletin", "n° 3)"]);
    expect(wrapText("", 10)).toEqual([""]);
  });

  it("spreads labels, first and last included", () => {
    expect([...labelIndexes(3, 5)]).toEqual([0, 1, 2]);
    expect([...labelIndexes(13, 5)].sort((a, b) => a - b)).toEqual([0, 3, 6, 9, 12]);
    expect([...labelIndexes(14, 5)].sort((a, b) => a - b)).toEqual([0, 4, 8, 13]);
  });
});
