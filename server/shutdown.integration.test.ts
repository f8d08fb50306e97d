import { createServer, request } from "node:http";
import type { AddressInfo } from "node:net";
import { describe, expect, it } from "vitest";
import { createLogger } from "./logging";
import { installShutdown } from "./shutdown";

describe("graceful shutdown", () => {
  it("stops accepting, lets the request in flight finish, runs the steps in order, exits 0", async () => {
    const lines: { msg: string }[] = [];
    const logger = createLogger({ level: "info", write: (l) => lines.push(JSON.parse(l) as { msg: string }) });
    let draining = false;
    const server = createServer((_req, res) => {
      setTimeout(() => res.end(draining ? "finished while draining" : "finished"), 300);
    });
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    const { port } = server.address() as AddressInfo;

    const order: string[] = [];
    let exitCode: number | undefined;
    const exited = new Promise<void>((resolve) => {
      const shutdown = installShutdown({
        httpServer: server,
        logger,
        timeoutMs: 5_000,
        signals: [],
        onDrain: () => (draining = true),
        exit: (code) => {
          exitCode = code;
          resolve();
        },
        steps: [
          { name: "workers_stopped", run: async () => void order.push("workers") },
          { name: "database_closed", run: async () => void order.push("database") },
        ],
      });
      // A request is in flight when SIGTERM arrives.
      const inFlight = new Promise<string>((done) => {
        request({ host: "127.0.0.1", port, path: "/" }, (res) => {
          let body = "";
          res.on("data", (c: Buffer) => (body += c.toString()));
          res.on("end", () => done(body));
        }).end();
      });
      setTimeout(() => {
        void shutdown("SIGTERM");
        void inFlight.then((body) => order.push(`response: ${body}`));
      }, 50);
    });
    await exited;

    expect(exitCode).toBe(0);
    expect(order).toEqual(["response: finished while draining", "workers", "database"]);
    expect(lines.map((l) => l.msg)).toEqual(["shutdown_started", "http_closed", "workers_stopped", "database_closed", "shutdown_complete"]);
    await expect(new Promise((_, reject) => request({ host: "127.0.0.1", port, agent: false }).on("error", reject).end())).rejects.toThrow(/ECONNREFUSED/);
  });
});
