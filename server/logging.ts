import { AsyncLocalStorage } from "node:async_hooks";
import { randomUUID } from "node:crypto";
import { format } from "node:util";
import type { NextFunction, Request, Response } from "express";
import type { LogLevel } from "./config";

/** One JSON object per line on stdout: what log shippers and `jq` read. */
export interface Logger {
  debug(msg: string, fields?: Record<string, unknown>): void;
  info(msg: string, fields?: Record<string, unknown>): void;
  warn(msg: string, fields?: Record<string, unknown>): void;
  error(msg: string, fields?: Record<string, unknown>): void;
}

const RANK: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 };

/** The request being served, so that any log line written while serving it carries its id. */
const requestScope = new AsyncLocalStorage<{ requestId: string }>();

export function currentRequestId(): string | undefined {
  return requestScope.getStore()?.requestId;
}

// ——— What never reaches a log line ———

/** Field names whose values are secrets or personal data that logs must not keep. */
const SECRET_FIELD = /^(password|passwordhash|password_hash|hash|token|secret|code|otp|authorization|cookie|set-cookie|params|parameters)$|token$|secret$|password$/i;
/** drizzle's "Failed query: … \nparams: <every value>" (e-mails, password hashes, names). */
const QUERY_PARAMS = /\nparams: [\s\S]*?(?=\n {4}at |$)/g;
/** A password hash or a bearer credential quoted anywhere in a message. */
const SECRET_VALUES = /\$argon2(id|i|d)\$[^\s,"']+|Bearer\s+[A-Za-z0-9._~+/=-]+/g;

export const REDACTED = "[redacted]";

/** A message or stack without query parameters and without anything shaped like a secret. */
export function redactText(text: string): string {
  return text.replace(QUERY_PARAMS, "\nparams: " + REDACTED).replace(SECRET_VALUES, REDACTED);
}

/** The fields with every secret-named value replaced and every string scrubbed, at any depth. */
export function redactFields(value: unknown, depth = 0): unknown {
  if (typeof value === "string") return redactText(value);
  if (value instanceof Error) return serializeError(value);
  if (depth > 6 || value === null || typeof value !== "object") return value;
  if (Array.isArray(value)) return value.map((item) => redactFields(item, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) out[key] = SECRET_FIELD.test(key) ? REDACTED : redactFields(item, depth + 1);
  return out;
}

/**
 * An error as a log field: name, message, stack, the database's error code, and its cause — never
 * the query's parameters (issue 11, item 5: a failing insert logged an e-mail and a password hash).
 */
export function serializeError(error: unknown): Record<string, unknown> {
  if (error instanceof Error) {
    const code = (error as { code?: unknown }).code;
    return {
      name: error.name,
      message: redactText(error.message),
      ...(error.stack ? { stack: redactText(error.stack) } : {}),
      ...(typeof code === "string" ? { code } : {}),
      ...(error.cause ? { cause: serializeError(error.cause) } : {}),
    };
  }
  return { message: redactText(String(error)) };
}

export function createLogger(options: { level: LogLevel; write?: (line: string) => void }): Logger {
  const write = options.write ?? ((line: string) => process.stdout.write(line + "\n"));
  const min = RANK[options.level];
  const emit = (level: LogLevel, msg: string, fields?: Record<string, unknown>) => {
    if (RANK[level] < min) return;
    const requestId = currentRequestId();
    const safe = fields ? (redactFields(fields) as Record<string, unknown>) : {};
    const entry: Record<string, unknown> = { time: new Date().toISOString(), level, msg: redactText(msg), ...(requestId ? { requestId } : {}), ...safe };
    let line: string;
    try {
      line = JSON.stringify(entry);
    } catch {
      line = JSON.stringify({ time: entry.time, level, msg, requestId, note: "fields not serialisable" });
    }
    write(line);
  };
  return {
    debug: (msg, fields) => emit("debug", msg, fields),
    info: (msg, fields) => emit("info", msg, fields),
    warn: (msg, fields) => emit("warn", msg, fields),
    error: (msg, fields) => emit("error", msg, fields),
  };
}

/**
 * In production every stdout line must be JSON: Remix reports loader and render errors with
 * console.error, and other modules may log with console too. Route them through the logger.
 */
export function routeConsoleToLogger(logger: Logger): void {
  const toFields = (args: unknown[]) => {
    const error = args.find((a) => a instanceof Error);
    const text = format(...args.filter((a) => a !== error));
    return { text, error };
  };
  const wrap = (level: LogLevel) => (...args: unknown[]) => {
    const { text, error } = toFields(args);
    logger[level](error instanceof Error ? error.message : text, {
      source: "console",
      ...(error ? { error, ...(text ? { detail: text } : {}) } : {}),
    });
  };
  console.log = wrap("info");
  console.info = wrap("info");
  console.warn = wrap("warn");
  console.error = wrap("error");
  console.debug = wrap("debug");
}

// A proxy-supplied id is kept only if it is short and harmless in a log line or a header.
const REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/** Paths probed every few seconds by orchestrators: logged at debug level when they succeed. */
const PROBE_PATHS = new Set(["/healthz", "/readyz"]);

/**
 * Gives each request an id (X-Request-Id from a trusted proxy, else a random UUID), echoes it,
 * and writes one "request" line when the response is done. The path is logged without its query
 * string, which may hold tokens.
 */
export function requestLogging(logger: Logger, options: { trustRequestIdHeader: boolean; quiet?: (path: string) => boolean }) {
  return (req: Request, res: Response, next: NextFunction) => {
    const started = process.hrtime.bigint();
    const incoming = options.trustRequestIdHeader ? req.get("x-request-id") : undefined;
    const requestId = incoming && REQUEST_ID.test(incoming) ? incoming : randomUUID();
    res.locals.requestId = requestId;
    res.setHeader("X-Request-Id", requestId);

    let logged = false;
    const done = () => {
      if (logged) return;
      logged = true;
      const status = res.writableFinished ? res.statusCode : 499; // 499: client went away first
      const path = req.originalUrl.split("?")[0] ?? "/";
      const quiet = (PROBE_PATHS.has(path) || options.quiet?.(path)) && status < 400;
      const level: LogLevel = status >= 500 ? "error" : quiet ? "debug" : "info";
      logger[level]("request", {
        requestId,
        method: req.method,
        path,
        status,
        durationMs: Math.round(Number(process.hrtime.bigint() - started) / 1e4) / 100,
        ip: req.ip,
        userAgent: req.get("user-agent") ?? null,
      });
    };
    res.on("finish", done);
    res.on("close", done);
    requestScope.run({ requestId }, next);
  };
}
