import { defineConfig, devices } from "@playwright/test";
import { findChromium } from "./e2e/chromium.mjs";

const PORT = Number(process.env.E2E_PORT ?? 3100);
export const BASE_URL = `http://localhost:${PORT}`;

const launchOptions = {
  executablePath: findChromium() ?? undefined,
  // This machine has no outside network: without these Chromium stalls on refused connections.
  args: [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
  ],
};

/** The administration's specs (see the projects below). */
const ADMIN_SPECS = ["**/admin-*.spec.ts", "**/a11y-admin-*.spec.ts"];
/** Generated junk against every form and API route: last, alone (it creates accounts and rows). */
const FUZZ_SPECS = ["**/fuzz.spec.ts"];

export default defineConfig({
  testDir: "./e2e",
  testMatch: "**/*.spec.ts",
  fullyParallel: true,
  forbidOnly: !!process.env.CI,
  retries: 0,
  workers: process.env.CI ? 2 : 2,
  timeout: 30_000,
  expect: { timeout: 5_000 },
  reporter: process.env.CI ? [["list"]] : [["list"], ["html", { open: "never" }]],
  use: {
    baseURL: BASE_URL,
    locale: "fr-FR",
    // Recording a trace costs every test a share of the CPU, pass or fail: locally only. In CI a
    // failure keeps its screenshot and error context (the page's accessibility tree).
    trace: process.env.CI ? "off" : "retain-on-failure",
    screenshot: "only-on-failure",
    headless: true,
    launchOptions,
  },
  // What each project proves is mapped in e2e/README.md. In short: every journey with JavaScript
  // on (js-on) and off (js-off) at desktop size; axe on every page and language once (the a11y
  // specs, JS on); the phone project checks the layout and touch targets of every page rather than
  // repeating the journeys. The setup project signs the demo accounts in once (auth.setup.ts).
  // The administration changes what everyone sees (procedures in the catalogue, buildings on the
  // status page), so its specs run in projects of their own, after the others; the fuzzer last.
  projects: [
    {
      name: "setup",
      testMatch: "**/auth.setup.ts",
      use: { launchOptions },
    },
    {
      name: "js-on",
      testIgnore: ["**/mobile*.spec.ts", ...ADMIN_SPECS, ...FUZZ_SPECS],
      dependencies: ["setup"],
      use: { ...devices["Desktop Chrome"], channel: undefined, launchOptions },
    },
    {
      name: "js-off",
      testIgnore: ["**/mobile*.spec.ts", "**/a11y*.spec.ts", "**/weight.spec.ts", ...ADMIN_SPECS, ...FUZZ_SPECS],
      dependencies: ["setup"],
      use: { ...devices["Desktop Chrome"], channel: undefined, javaScriptEnabled: false, launchOptions },
    },
    {
      name: "mobile",
      // Layout: every page (mobile*.spec.ts) and every table stacked at 360 px (tables.spec.ts).
      testMatch: ["**/mobile*.spec.ts", "**/tables.spec.ts"],
      dependencies: ["setup"],
      use: { viewport: { width: 360, height: 640 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2, launchOptions },
    },
    {
      name: "admin-js-on",
      testMatch: ["**/admin-*.spec.ts", "**/a11y-admin-*.spec.ts"],
      dependencies: ["js-on", "js-off", "mobile"],
      use: { ...devices["Desktop Chrome"], channel: undefined, launchOptions },
    },
    {
      name: "admin-js-off",
      testMatch: ["**/admin-*.spec.ts"],
      dependencies: ["js-on", "js-off", "mobile"],
      use: { ...devices["Desktop Chrome"], channel: undefined, javaScriptEnabled: false, launchOptions },
    },
    {
      name: "fuzz",
      testMatch: FUZZ_SPECS,
      dependencies: ["admin-js-on", "admin-js-off"],
      use: { launchOptions },
    },
  ],
  webServer: {
    // The production build on a fresh in-memory database, seeded with the demo data.
    command: "node scripts/e2e-server.mjs",
    url: `${BASE_URL}/readyz`,
    timeout: 120_000,
    reuseExistingServer: !process.env.CI,
    stdout: "ignore",
    stderr: "pipe",
    env: { E2E_PORT: String(PORT) },
  },
});
