import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig, parseTrustProxy } from "./config";
import { shouldMigrate, shouldSeed, redactUrl } from "./database";

const env = (vars: Record<string, string>) => vars as NodeJS.ProcessEnv;

describe("parseTrustProxy", () => {
  it.each<[string | undefined, boolean | number | string]>([
    [undefined, false],
    ["", false],
    ["0", false],
    ["false", false],
    ["true", true],
    ["1", 1],
    ["2", 2],
    ["loopback, 10.0.0.0/8", "loopback, 10.0.0.0/8"],
  ])("%s → %s", (input, expected) => expect(parseTrustProxy(input)).toBe(expected));
});

describe("loadConfig", () => {
  it("refuses to start in production without APP_URL, naming it", () => {
    expect(() => loadConfig(env({ NODE_ENV: "production" }), [])).toThrow(ConfigError);
    expect(() => loadConfig(env({ NODE_ENV: "production", APP_URL: " " }), [])).toThrow(/APP_URL must be set in production/);
    expect(() => loadConfig(env({ NODE_ENV: "production", APP_URL: "guichet.gouv.tg" }), [])).toThrow(/APP_URL must be an absolute URL/);
    expect(() => loadConfig(env({ NODE_ENV: "production", APP_URL: "ftp://guichet.gouv.tg" }), [])).toThrow(/https:\/\/ or http:\/\//);
    // Development needs nothing.
    expect(loadConfig(env({}), []).appOrigin).toBeNull();
  });

  it("has safe defaults", () => {
    expect(loadConfig(env({}), [])).toMatchObject({
      mode: "development",
      port: 3000,
      host: "0.0.0.0",
      trustProxy: false,
      appOrigin: null,
      logLevel: "info",
      migrateOnStart: false,
      seedOnStart: false,
      notificationWorker: true,
    });
  });

  it("reads the environment", () => {
    const config = loadConfig(
      env({ NODE_ENV: "production", PORT: "8080", HOST: "127.0.0.1", APP_URL: "https://guichet.gouv.tg/", LOG_LEVEL: "warn", MIGRATE_ON_START: "1", NOTIFICATION_WORKER: "off" }),
      [],
    );
    expect(config).toMatchObject({ mode: "production", port: 8080, host: "127.0.0.1", appOrigin: "https://guichet.gouv.tg", logLevel: "warn", migrateOnStart: true, notificationWorker: false });
  });

  it("refuses nonsense", () => {
    expect(() => loadConfig(env({ PORT: "http" }), [])).toThrow(/PORT/);
    expect(() => loadConfig(env({ LOG_LEVEL: "loud" }), [])).toThrow(/LOG_LEVEL/);
  });
});

describe("start-up database policy", () => {
  it("always migrates and seeds the embedded database, a server only when asked", () => {
    expect(shouldMigrate("pglite", { migrateOnStart: false })).toBe(true);
    expect(shouldMigrate("postgres", { migrateOnStart: false })).toBe(false);
    expect(shouldMigrate("postgres", { migrateOnStart: true })).toBe(true);
    expect(shouldSeed("pglite", { seedOnStart: false })).toBe(true);
    expect(shouldSeed("postgres", { seedOnStart: false })).toBe(false);
    expect(shouldSeed("postgres", { seedOnStart: true })).toBe(true);
  });

  it("never logs a database password", () => {
    expect(redactUrl("postgres://guichet:s3cret@db:5432/guichet")).toBe("postgres://guichet:***@db:5432/guichet");
  });
});
