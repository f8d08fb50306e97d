import type { Page } from "@playwright/test";
import { expect } from "./fixtures";

// The phone checks of the mobile project (mobile.spec.ts, mobile-admin.spec.ts).

/** Buttons, fields and menus smaller than 44 px in height (links inside text are exempt). */
export async function smallTouchTargets(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const small: string[] = [];
    const controls = document.querySelectorAll<HTMLElement>(
      "button, input:not([type=hidden]):not([type=checkbox]):not([type=radio]):not([type=file]), select, textarea, summary, [role=button]",
    );
    for (const element of controls) {
      const box = element.getBoundingClientRect();
      if (box.width === 0 || box.height === 0) continue; // not shown (closed menu, hidden field)
      if (element.closest("[aria-hidden=true]")) continue; // the hidden default button of a form (Enter)
      if (box.height < 44) small.push(`${element.tagName.toLowerCase()} « ${(element.textContent || element.getAttribute("name") || "").trim().slice(0, 40)} » ${Math.round(box.height)} px`);
    }
    return small;
  });
}

/** Opens `path` and checks the layout; returns the page for more checks. */
export async function checkLayout(page: Page, path: string, expectedStatus = 200) {
  const response = await page.goto(path);
  expect(response?.status(), `${path} answers`).toBe(expectedStatus);
  await expect(page.getByRole("heading", { level: 1 }).first(), `${path} has its title`).toBeVisible();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow, `${path} is wider than the screen`).toBeLessThanOrEqual(0);
  expect(await smallTouchTargets(page), `controls too small to touch on ${path}`).toEqual([]);
}

/** The hrefs of the links of `main` on `path` matching `pattern`. */
export async function linksOn(page: Page, path: string, pattern: RegExp): Promise<string[]> {
  await page.goto(path);
  const hrefs = await page.locator("main a[href]").evaluateAll((links) => links.map((a) => a.getAttribute("href") ?? ""));
  const matching = [...new Set(hrefs.filter((h) => pattern.test(h)))];
  expect(matching.length, `a link matching ${pattern} on ${path}`).toBeGreaterThan(0);
  return matching;
}
