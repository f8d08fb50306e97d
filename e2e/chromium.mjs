// Chromium for the e2e suite: PLAYWRIGHT_CHROMIUM_EXECUTABLE, else Debian's headless shell
// (package chromium-headless-shell: the same engine without the browser's UI, about half the CPU
// per page on this machine — decision 017), else Debian's /usr/bin/chromium, else Playwright's own
// download (where `npx playwright install chromium` could run).
// Plain JavaScript so that scripts/test.mjs can use it without a TypeScript loader.
import { existsSync } from "node:fs";
import { chromium } from "@playwright/test";

/** @returns {string | null} */
export function findChromium() {
  const candidates = [
    process.env.PLAYWRIGHT_CHROMIUM_EXECUTABLE,
    "/usr/bin/chromium-headless-shell",
    "/usr/bin/chromium",
    "/usr/bin/chromium-browser",
  ];
  for (const candidate of candidates) if (candidate && existsSync(candidate)) return candidate;
  try {
    const own = chromium.executablePath();
    if (own && existsSync(own)) return own;
  } catch {
    // Playwright has no browser of its own here.
  }
  return null;
}

export const CHROMIUM_HELP = [
  "No Chromium found for the end-to-end tests. Install one of:",
  "  - Debian/Ubuntu:  sudo apt-get install chromium-headless-shell   (or chromium)",
  "  - any machine with internet:  npx playwright install chromium",
  "  - or point PLAYWRIGHT_CHROMIUM_EXECUTABLE at a Chromium/Chrome binary.",
].join("\n");
