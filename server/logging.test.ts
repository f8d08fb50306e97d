import { afterEach, describe, expect, it } from "vitest";
import { createLogger, routeConsoleToLogger } from "./logging";

function capture(level: "debug" | "info" | "warn" | "error") {
  const lines: Record<string, unknown>[] = [];
  const logger = createLogger({ level, write: (line) => lines.push(JSON.parse(line) as Record<string, unknown>) });
  return { lines, logger };
}

describe("createLogger", () => {
  it("writes one JSON object per line with time, level and msg, above the chosen level", () => {
    const { lines, logger } = capture("info");
    logger.debug("hidden");
    logger.info("shown", { port: 3000 });
    logger.error("failed", { error: new Error("boom") });
    expect(lines.map((l) => l.msg)).toEqual(["shown", "failed"]);
    expect(lines[0]).toMatchObject({ level: "info", msg: "shown", port: 3000 });
    expect(Date.parse(String(lines[0]?.time))).not.toBeNaN();
    expect(lines[1]?.error).toMatchObject({ name: "Error", message: "boom" });
    expect(String((lines[1]?.error as { stack: string }).stack)).toContain("logging.test.ts");
  });
});

describe("routeConsoleToLogger", () => {
  const original = { ...console };
  afterEach(() => Object.assign(console, original));

  it("turns console output (Remix reports loader errors with console.error) into JSON lines", () => {
    const { lines, logger } = capture("debug");
    routeConsoleToLogger(logger);
    console.error(new Error("loader failed"));
    console.warn("careful %d", 3);
    Object.assign(console, original);
    expect(lines[0]).toMatchObject({ level: "error", msg: "loader failed", source: "console", error: { message: "loader failed" } });
    expect(lines[1]).toMatchObject({ level: "warn", msg: "careful 3" });
  });
});
