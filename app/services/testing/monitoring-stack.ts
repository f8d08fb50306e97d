import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import type { ServerBuild } from "@remix-run/node";

/**
 * For the tests that run the documented monitoring files (docs/prometheus.yml,
 * docs/prometheus-rules.yml, docs/blackbox.yml, docs/alertmanager.yml) with Debian's real
 * binaries: the files rewritten only for ports, targets and intervals scaled down, the binaries'
 * processes, and a portal server serving a few real route modules.
 */

export const BINARIES = {
  prometheus: "/usr/bin/prometheus",
  promtool: "/usr/bin/promtool",
  blackbox: "/usr/bin/prometheus-blackbox-exporter",
  alertmanager: "/usr/bin/prometheus-alertmanager",
  amtool: "/usr/bin/amtool",
} as const;
export type BinaryName = keyof typeof BINARIES;

/** Debian's package of each binary, for the skip reasons. */
export const PACKAGES: Record<BinaryName, string> = {
  prometheus: "prometheus",
  promtool: "prometheus",
  blackbox: "prometheus-blackbox-exporter",
  alertmanager: "prometheus-alertmanager",
  amtool: "prometheus-alertmanager",
};

/** Why a test needing these binaries cannot run here, or null when they are all installed. */
export function missingBinaries(...names: BinaryName[]): string | null {
  const missing = names.filter((n) => !existsSync(BINARIES[n]));
  if (missing.length === 0) return null;
  const packages = [...new Set(missing.map((n) => PACKAGES[n]))].join(" ");
  return `not installed: ${missing.map((n) => BINARIES[n]).join(", ")} (apt-get install ${packages}, as .ci/run does)`;
}

export function docsFile(name: string): string {
  return new URL(`../../../docs/${name}`, import.meta.url).pathname;
}

export function readDoc(name: string): string {
  return readFileSync(docsFile(name), "utf8");
}

/** Replaces every match; throws when there is none (the documented file changed under the test). */
export function rewrite(text: string, pattern: RegExp, replacement: string | ((...m: string[]) => string), what: string): string {
  const global = new RegExp(pattern.source, pattern.flags.includes("g") ? pattern.flags : `${pattern.flags}g`);
  if (!global.test(text)) throw new Error(`rewrite for the test: ${what} not found (${pattern})`);
  global.lastIndex = 0;
  return text.replace(global, replacement as never);
}

function seconds(duration: string): number {
  const units: Record<string, number> = { ms: 0.001, s: 1, m: 60, h: 3_600 };
  let total = 0;
  for (const [, n, unit] of duration.matchAll(/(\d+)(ms|s|m|h)/g)) total += Number(n) * units[unit!]!;
  return total;
}

/** A duration divided by `scale`, at least one second unless it was zero. */
export function scaled(duration: string, scale: number): string {
  const s = seconds(duration);
  if (s === 0) return "0s";
  return `${Math.max(1, Math.round(s / scale))}s`;
}

/** Production intervals divided by this in the tests: 30 s of scrape become 1 s. */
export const TEST_SCALE = 30;

export function prometheusTestConfig(input: {
  sites: { site: string; url: string }[];
  exporter: string;
  alertmanager: string;
  readyzUrl: string;
  scale?: number;
}): string {
  const scale = input.scale ?? TEST_SCALE;
  let text = readDoc("prometheus.yml");
  text = rewrite(text, /(scrape_interval|evaluation_interval): (\S+)/, (_m, key, d) => `${key}: ${scaled(d!, scale)}`, "global intervals");
  // The scrape timeout may not exceed the interval: the exporter gets half a second to probe.
  text = rewrite(text, /scrape_timeout: \S+/, "scrape_timeout: 1s", "scrape_timeout");
  text = rewrite(text, /127\.0\.0\.1:9115/, input.exporter, "the exporter's address");
  text = rewrite(text, /127\.0\.0\.1:9093/, input.alertmanager, "Alertmanager's address");
  text = rewrite(text, /https:\/\/guichet\.example\.tg\/readyz/, input.readyzUrl, "the portal's /readyz");
  const targets = input.sites.map((s) => `      - targets: ["${s.url}"]\n        labels: { site: ${s.site}, __param_module: http_2xx }\n`).join("");
  text = rewrite(text, /(- job_name: egov-links\n[\s\S]*?static_configs:\n)[\s\S]*?(\n\s*relabel_configs:)/, (_m, head, tail) => `${head}${targets.trimEnd()}${tail}`, "the building targets");
  return text;
}

export function rulesTestConfig(scale = TEST_SCALE): string {
  let text = readDoc("prometheus-rules.yml");
  text = rewrite(text, /^(\s+)(for|keep_firing_for): (\d\S*)$/m, (_m, indent, key, d) => `${indent}${key}: ${scaled(d!, scale)}`, "for: durations");
  text = rewrite(text, /\[(\d+[smh])\]/, (_m, d) => `[${scaled(d!, scale)}]`, "range windows");
  return text;
}

/** The exporter's modules; the test has no TLS, so the portal's probe accepts plain HTTP. */
export function blackboxTestConfig(): string {
  return rewrite(readDoc("blackbox.yml"), /fail_if_not_ssl: true/, "fail_if_not_ssl: false", "fail_if_not_ssl");
}

export function alertmanagerTestConfig(input: { portalUrl: string; tokenFile: string; scale?: number }): string {
  const scale = input.scale ?? TEST_SCALE;
  let text = readDoc("alertmanager.yml");
  text = rewrite(text, /https:\/\/guichet\.example\.tg\/api\/v1\/alertmanager/, `${input.portalUrl}/api/v1/alertmanager`, "the portal's webhook URL");
  text = rewrite(text, /credentials_file: \S+guichet-token/, `credentials_file: ${input.tokenFile}`, "the token file");
  text = rewrite(text, /(group_wait|group_interval): (\S+)/, (_m, key, d) => `${key}: ${scaled(d!, scale)}`, "group timers");
  return text;
}

export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const { port } = server.address() as AddressInfo;
  await new Promise((r) => server.close(r));
  return port;
}

export async function waitFor<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 20_000, describe?: () => string): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe().catch(() => undefined);
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}${describe ? `\n${describe()}` : ""}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** One of the binaries, its output kept for the failure messages. */
export class ManagedProcess {
  child: ChildProcess | undefined;
  readonly log: string[] = [];

  constructor(
    readonly name: string,
    private readonly bin: string,
    private readonly args: string[],
  ) {}

  start(): void {
    this.child = spawn(this.bin, this.args, { stdio: ["ignore", "pipe", "pipe"] });
    const keep = (d: Buffer) => {
      this.log.push(d.toString());
      if (this.log.length > 400) this.log.splice(0, this.log.length - 400);
    };
    this.child.stdout?.on("data", keep);
    this.child.stderr?.on("data", keep);
  }

  get running(): boolean {
    return this.child !== undefined && this.child.exitCode === null && this.child.signalCode === null;
  }

  /** SIGKILL: the process dies as in a crash. SIGTERM: a clean stop. */
  async stop(signal: NodeJS.Signals = "SIGTERM"): Promise<void> {
    const child = this.child;
    if (!child || !this.running) return;
    const exited = new Promise((r) => child.once("exit", r));
    child.kill(signal);
    await Promise.race([exited, new Promise((r) => setTimeout(r, 3_000))]);
    if (this.running) {
      child.kill("SIGKILL");
      await exited;
    }
  }

  tail(lines = 30): string {
    return `--- ${this.name}\n${this.log.join("").split("\n").slice(-lines).join("\n")}`;
  }
}

/** A server build with only these route modules (no Vite build needed), for createApp. */
export function routesBuild(routes: Record<string, { path: string; module: unknown }>): ServerBuild {
  const entries = Object.fromEntries(Object.entries(routes).map(([id, r]) => [id, { id, parentId: "root", path: r.path, module: r.module }]));
  return {
    mode: "production",
    entry: { module: { default: () => new Response("no documents here", { status: 500 }) } },
    routes: { root: { id: "root", path: "", module: {} }, ...entries },
    assets: { entry: { imports: [], module: "" }, routes: {}, url: "", version: "test" },
    publicPath: "/",
    assetsBuildDirectory: "build/client",
    future: { v3_fetcherPersist: true, v3_relativeSplatPath: true, v3_throwAbortReason: true, v3_lazyRouteDiscovery: true, v3_singleFetch: true, v3_routeConfig: false },
    isSpaMode: false,
  } as unknown as ServerBuild;
}
