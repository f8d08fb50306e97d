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

describe("secrets in log lines (issue 11, item 5)", () => {
  it("logs a failing query without its parameters: no e-mail, no password hash", async () => {
    const { createTestDatabase } = await import("../db/testing");
    const { users } = await import("../db/schema");
    const handle = await createTestDatabase();
    const hash = "$argon2id$v=19$m=19456,t=2,p=1$c2VsLXRlc3Q$aGFzaC1kZS10ZXN0";
    let failure: unknown;
    try {
      // A NUL byte in the name: the database refuses the row (what the attack campaign sent).
      await handle.db.insert(users).values({ email: "afi.secret@exemple.tg", fullName: "Afi\u0000Mensah", passwordHash: hash });
    } catch (error) {
      failure = error;
    } finally {
      await handle.close();
    }
    expect(failure).toBeInstanceOf(Error);
    const { lines, logger } = capture("debug");
    logger.error("sign_up_failed", { error: failure });
    const original = { ...console };
    routeConsoleToLogger(logger);
    console.error(failure);
    Object.assign(console, original);
    const text = JSON.stringify(lines);
    expect(lines).toHaveLength(2);
    expect(text).toContain("Failed query: insert into");
    expect(text).not.toContain("afi.secret@exemple.tg");
    expect(text).not.toContain("argon2id");
    expect(text).not.toContain("Mensah");
  });

  it("redacts secret-named fields and secret-shaped values at any depth", () => {
    const { lines, logger } = capture("debug");
    logger.warn("attempt", {
      password: "la lagune de Lomé",
      body: { token: "abc123", nested: { resetToken: "zzz", note: "Authorization: Bearer s3cr3t-t0ken" } },
      port: 3000,
    });
    const text = JSON.stringify(lines[0]);
    for (const secret of ["la lagune", "abc123", "zzz", "s3cr3t-t0ken"]) expect(text).not.toContain(secret);
    expect(lines[0]).toMatchObject({ port: 3000, password: "[redacted]", body: { token: "[redacted]" } });
  });
});
