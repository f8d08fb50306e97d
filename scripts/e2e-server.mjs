// The server the e2e suite runs against: the production build, a fresh in-memory PGlite with the
// demo data, the development tools on (the outbox to read links, the case tool, the factory of
// accounts and cases — decisions 014 and 017), and X-Forwarded-For trusted
// from loopback so each test can present its own client address to the rate limiter.
import { spawn } from "node:child_process";

const port = process.env.E2E_PORT ?? "3100";
const child = spawn("npx", ["tsx", "server/index.ts"], {
  stdio: "inherit",
  env: {
    ...process.env,
    NODE_ENV: "production",
    PORT: port,
    APP_URL: `http://localhost:${port}`,
    PGLITE_DIR: "memory",
    DEV_OUTBOX: "1",
    DEV_CASE_TOOLS: "1",
    DEV_FACTORIES: "1",
    TRUST_PROXY: "loopback",
    // What e2e/status.spec.ts posts Alertmanager payloads with (a real token's checks, decision 013).
    MONITORING_TOKEN: "e2e-monitoring-token-not-secret",
    // The same outbox worker, looking every half second instead of every five: a test reading a
    // message (a sign-up link, a reset link) no longer idles up to five seconds for it.
    OUTBOX_INTERVAL_MS: "500",
    LOG_LEVEL: process.env.LOG_LEVEL ?? "warn",
    DATABASE_URL: "",
  },
});
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => child.kill(signal));
child.on("exit", (code) => process.exit(code ?? 0));
