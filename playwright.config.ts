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
const ADMIN_SPECS = ["**/admin-*.spec.ts", "**/a11y-admin-*.spec.ts", "**/mobile-admin.spec.ts"];
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
    trace: "retain-on-failure",
    headless: true,
    launchOptions,
  },
  // Every journey runs in the three projects. Three specs are project-specific rather than
  // skipped: axe runs inside the page, so not with JavaScript off; the 360 px checks need the
  // phone viewport; page weight is measured once.
  // The administration changes what everyone sees (procedures in the catalogue, buildings on the
  // status page), so its specs run in projects of their own, after the others. At 360 px they are
  // the whole procedure journey and a width check of every admin page (CI time).
  projects: [
    {
      name: "js-on",
      testIgnore: ["**/mobile.spec.ts", ...ADMIN_SPECS, ...FUZZ_SPECS],
      use: { ...devices["Desktop Chrome"], channel: undefined, launchOptions },
    },
    {
      name: "js-off",
      testIgnore: ["**/mobile.spec.ts", "**/a11y*.spec.ts", "**/weight.spec.ts", ...ADMIN_SPECS, ...FUZZ_SPECS],
      use: { ...devices["Desktop Chrome"], channel: undefined, javaScriptEnabled: false, launchOptions },
    },
    {
      name: "mobile",
      testIgnore: ["**/weight.spec.ts", "**/hardening.spec.ts", ...ADMIN_SPECS, ...FUZZ_SPECS],
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
      name: "admin-mobile",
      testMatch: ["**/admin-procedure-journey.spec.ts", "**/mobile-admin.spec.ts"],
      dependencies: ["js-on", "js-off", "mobile"],
      use: { viewport: { width: 360, height: 640 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2, launchOptions },
    },
    {
      name: "fuzz",
      testMatch: FUZZ_SPECS,
      dependencies: ["admin-js-on", "admin-js-off", "admin-mobile"],
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
