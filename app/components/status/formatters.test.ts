import { describe, expect, it } from "vitest";
import { formatDateTime, formatNumber } from "~/utils/format";
import { fastDateTime, fastNumber } from "./formatters";

describe("cached formatters", () => {
  it.each(["fr", "en"] as const)("match ~/utils/format (%s)", (locale) => {
    const at = "2026-11-22T19:31:46.448Z";
    expect(fastDateTime(at, locale)).toBe(formatDateTime(at, locale));
    expect(fastNumber(12345, locale)).toBe(formatNumber(12345, locale));
  });
});
