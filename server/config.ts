/** Server settings read once from the environment (see README, "Environment variables"). */
import { parseAppUrl } from "../app/utils/public-url.server";

export type LogLevel = "debug" | "info" | "warn" | "error";

export interface ServerConfig {
  mode: "production" | "development";
  port: number;
  host: string;
  /** Express "trust proxy" value: false, true, a hop count, or a list of addresses/subnets. */
  trustProxy: boolean | number | string;
  /** Public origin (scheme://host[:port]) from APP_URL; required in production. Null in development without APP_URL. */
  appOrigin: string | null;
  logLevel: LogLevel;
  /** Time given to in-flight requests on SIGTERM before connections are cut. */
  shutdownTimeoutMs: number;
  migrateOnStart: boolean;
  seedOnStart: boolean;
  notificationWorker: boolean;
}

const LOG_LEVELS: readonly LogLevel[] = ["debug", "info", "warn", "error"];

export function parseTrustProxy(value: string | undefined): boolean | number | string {
  const v = value?.trim();
  if (!v || v === "0" || v.toLowerCase() === "false") return false;
  if (v.toLowerCase() === "true") return true;
  if (/^\d+$/.test(v)) return Number(v);
  // "loopback", "10.0.0.0/8, 192.168.1.1", …: Express understands these lists as they are.
  return v;
}

function flag(value: string | undefined): boolean {
  return value === "1" || value?.toLowerCase() === "true";
}

/** Variables production cannot run without (README, "Configuration"). */
export const REQUIRED_IN_PRODUCTION = ["APP_URL"] as const;

/** The configuration is unusable: the message names each variable to set, and the server exits. */
export class ConfigError extends Error {
  override name = "ConfigError";
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env, argv: readonly string[] = process.argv): ServerConfig {
  const mode = env.NODE_ENV === "production" && !argv.includes("--dev") ? "production" : "development";
  if (mode === "production") {
    const missing = REQUIRED_IN_PRODUCTION.filter((name) => !env[name]?.trim());
    if (missing.length > 0) {
      throw new ConfigError(
        `${missing.join(", ")} must be set in production. APP_URL is the portal's public URL (https://guichet.gouv.tg): ` +
          "links in e-mails and SMS are built from it, never from a request's Host header. See README.md, \"Configuration\".",
      );
    }
  }
  const port = env.PORT ? Number(env.PORT) : 3000;
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT must be a port number, got "${env.PORT}"`);
  const logLevel = (env.LOG_LEVEL?.toLowerCase() ?? "info") as LogLevel;
  if (!LOG_LEVELS.includes(logLevel)) throw new Error(`LOG_LEVEL must be one of ${LOG_LEVELS.join(", ")}`);
  return {
    mode,
    port,
    host: env.HOST || "0.0.0.0",
    trustProxy: parseTrustProxy(env.TRUST_PROXY),
    appOrigin: env.APP_URL ? parseAppUrlOrFail(env.APP_URL) : null,
    logLevel,
    shutdownTimeoutMs: env.SHUTDOWN_TIMEOUT_MS ? Number(env.SHUTDOWN_TIMEOUT_MS) : 10_000,
    migrateOnStart: flag(env.MIGRATE_ON_START),
    seedOnStart: flag(env.SEED_ON_START),
    notificationWorker: env.NOTIFICATION_WORKER !== "0" && env.NOTIFICATION_WORKER?.toLowerCase() !== "off",
  };
}

function parseAppUrlOrFail(value: string): string {
  try {
    return parseAppUrl(value);
  } catch (error) {
    throw new ConfigError((error as Error).message);
  }
}
