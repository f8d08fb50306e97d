import { execFile } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";
import { BINARIES, docsFile, missingBinaries, readDoc, type BinaryName } from "./testing/monitoring-stack";

/**
 * The documented monitoring files (docs/monitoring.md) are checked by the tools that will load
 * them: Debian's promtool (prometheus), amtool (prometheus-alertmanager) and the blackbox
 * exporter's own check. Without the binary a check is skipped, and says why.
 */
const run = promisify(execFile);

async function tool(name: BinaryName, args: string[]): Promise<{ ok: boolean; output: string }> {
  try {
    const { stdout, stderr } = await run(BINARIES[name], args, { timeout: 20_000 });
    return { ok: true, output: `${stdout}${stderr}` };
  } catch (error) {
    const e = error as { stdout?: string; stderr?: string; message: string };
    return { ok: false, output: `${e.stdout ?? ""}${e.stderr ?? ""}` || e.message };
  }
}

const scratch = mkdtempSync(join(tmpdir(), "guichet-monitoring-config-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** A copy of a documented file with one change, to show that the check does catch mistakes. */
function broken(name: string, from: string, to: string): string {
  const text = readDoc(name);
  expect(text, `${name} should contain ${from}`).toContain(from);
  const path = join(scratch, name);
  writeFileSync(path, text.replace(from, to));
  return path;
}

describe("docs/prometheus.yml and docs/prometheus-rules.yml (promtool)", () => {
  const reason = missingBinaries("promtool");

  it("prometheus.yml is a valid Prometheus 2.42 configuration, with its rule file", async (ctx) => {
    if (reason) ctx.skip(reason);
    const result = await tool("promtool", ["check", "config", docsFile("prometheus.yml")]);
    expect(result.ok, result.output).toBe(true);
    expect(result.output).toContain("1 rule files found");
  });

  it("each building target is probed through the exporter with its own module (promtool check service-discovery)", async (ctx) => {
    if (reason) ctx.skip(reason);
    const result = await tool("promtool", ["check", "service-discovery", "--timeout=2s", docsFile("prometheus.yml"), "egov-links"]);
    expect(result.ok, result.output).toBe(true);
    const targets = JSON.parse(result.output.slice(result.output.indexOf("["))) as { labels: Record<string, string> }[];
    const bySite = Object.fromEntries(targets.map((t) => [t.labels.site, [t.labels.__param_module, t.labels.__param_target, t.labels.__address__]]));
    // A job-level `params: { module: [icmp] }` would silently override the per-target modules.
    expect(bySite).toEqual({
      "LOM-001": ["icmp", "10.20.1.1", "127.0.0.1:9115"],
      "KAR-003": ["icmp", "10.20.3.1", "127.0.0.1:9115"],
      "SOK-002": ["http_2xx", "https://intranet.sok-002.example.tg/", "127.0.0.1:9115"],
      "DAP-001": ["tcp_connect", "10.20.5.1:22", "127.0.0.1:9115"],
    });
  });

  it("the rules are valid, and an invalid one would be refused", async (ctx) => {
    if (reason) ctx.skip(reason);
    const result = await tool("promtool", ["check", "rules", docsFile("prometheus-rules.yml")]);
    expect(result.ok, result.output).toBe(true);
    const bad = await tool("promtool", ["check", "rules", broken("prometheus-rules.yml", "max by (site) (up{job=\"egov-links\"}) == 0", "max by (site) (up{job=\"egov-links\"} == 0")]);
    expect(bad.ok, bad.output).toBe(false);
  });

  it("the rules behave as documented: promtool test rules docs/prometheus-rules.test.yml", async (ctx) => {
    if (reason) ctx.skip(reason);
    const result = await tool("promtool", ["test", "rules", docsFile("prometheus-rules.test.yml")]);
    expect(result.ok, result.output).toBe(true);
    expect(result.output).toContain("SUCCESS");
  });

  it("the alert names are those the portal understands", () => {
    const rules = readDoc("prometheus-rules.yml");
    for (const name of ["SiteLinkDown", "SiteLinkDegraded", "SiteMonitoringLost", "Watchdog", "BlackboxExporterDown", "GuichetMonitoringInterrupted"]) {
      expect(rules).toContain(`- alert: ${name}\n`);
    }
  });
});

describe("docs/alertmanager.yml (amtool)", () => {
  const reason = missingBinaries("amtool");

  it("is a valid Alertmanager 0.25 configuration, and a broken route would be refused", async (ctx) => {
    if (reason) ctx.skip(reason);
    const result = await tool("amtool", ["check-config", docsFile("alertmanager.yml")]);
    expect(result.ok, result.output).toBe(true);
    const bad = await tool("amtool", ["check-config", broken("alertmanager.yml", "- receiver: guichet\n", "- receiver: nobody\n")]);
    expect(bad.ok, bad.output).toBe(false);
  });

  it("sends the portal's alerts over HTTPS with the token read from a file, never inline", () => {
    const text = readDoc("alertmanager.yml");
    expect(text).toMatch(/url: https:\/\/\S+\/api\/v1\/alertmanager/);
    expect(text).toContain("credentials_file:");
    expect(text).not.toMatch(/^\s*credentials:/m);
    expect(text).toContain("send_resolved: true");
  });
});

describe("docs/blackbox.yml (the exporter's own check)", () => {
  const reason = missingBinaries("blackbox");

  it("is a valid blackbox_exporter 0.23 configuration, and a broken body regexp would be refused", async (ctx) => {
    if (reason) ctx.skip(reason);
    const result = await tool("blackbox", ["--config.check", `--config.file=${docsFile("blackbox.yml")}`]);
    expect(result.ok, result.output).toBe(true);
    const bad = await tool("blackbox", ["--config.check", `--config.file=${broken("blackbox.yml", `- '"monitoring"`, `- '("monitoring"`)}`]);
    expect(bad.ok, bad.output).toBe(false);
  });
});
