import type { Page } from "@playwright/test";
import { demoAccount, signInAs } from "./accounts";
import { expect, test } from "./fixtures";

/**
 * Back-office lists and the status page's tables (issue 11 item 23): at 1280 × 800 every column
 * shows, each header and each cell whole (the inbox cut dates to "05/12/202" and hid the status
 * and agent columns; /reseau cut the status to "Opé"); at 360 × 640 each row is a card whose
 * cells carry their column's name. Runs in the js-on project (1280) and the mobile project (360);
 * the layout does not depend on JavaScript. Demo records are only read. axe checks these pages in
 * the a11y specs (a11y-network, a11y-admin-*, a11y.spec) and inbox.spec.ts, statistics.spec.ts.
 */

type Account = Parameters<typeof demoAccount>[0] | null;

/** The pages, by who may see them; each has at least one table with rows in the demo data. */
const PAGES: { account: Account; paths: string[] }[] = [
  { account: null, paths: ["/etat-des-services"] },
  { account: "supervisor", paths: ["/agent?onglet=en-attente", "/agent?onglet=en-retard", "/agent?onglet=termines", "/agent/statistiques"] },
  { account: "operator", paths: ["/reseau", "/reseau/maintenances", "/reseau/sites/LOM-155"] },
  {
    account: "admin",
    // "procedure" stands for the first published procedure's page (its versions), found on the list.
    paths: ["/admin/administrations", "/admin/bureaux", "/admin/sites", "/admin/comptes", "/admin/demarches", "procedure", "/admin/jetons", "/admin/journal"],
  },
  // Not back office, but the same table: a citizen's sessions.
  { account: "citizen", paths: ["/mon-espace/securite"] },
];

/**
 * The audit log's seven columns, with an entry's changes in a table of their own, do not fit the
 * administration's 736 px beside its menu at 1280 px: it scrolls inside its labelled region (what
 * the table style allows when a table cannot fit), every cell whole.
 */
const SCROLLABLE: Record<string, string> = { "/admin/journal": "Entrées du journal" };

async function firstProcedurePage(page: Page): Promise<string> {
  await page.goto("/admin/demarches?statut=published");
  const hrefs = await page.locator("main a[href]").evaluateAll((links) => links.map((a) => a.getAttribute("href") ?? ""));
  const href = hrefs.find((h) => /^\/admin\/demarches\/\d+$/.test(h));
  expect(href, "a published procedure").toBeTruthy();
  return href!;
}

interface TableReport {
  caption: string;
  rows: number;
  problems: string[];
}

/** What a person would miss in each table of the page: clipped text, cells off screen, unlabelled cards. */
async function inspectTables(page: Page, stacked: boolean, scrollable?: string): Promise<TableReport[]> {
  return page.locator("table.table").evaluateAll((tables, [stackedLayout, scrollableCaption]) => {
    const viewport = document.documentElement.clientWidth;
    const describe = (el: Element) => `${el.tagName.toLowerCase()} «${(el.textContent ?? "").trim().replace(/\s+/g, " ").slice(0, 40)}»`;
    return tables.map((table) => {
      const problems: string[] = [];
      const scroller = table.closest(".table-scroll");
      const caption = (table.querySelector("caption")?.textContent ?? "").trim();
      // A table wider than its box is a cut-off column, unless it is the one table of the page
      // allowed to scroll inside a region named by its visible caption, which the keyboard reaches.
      const scrolls = !!scroller && scroller.scrollWidth > scroller.clientWidth + 1;
      // A table inside a cell (an audit entry's changes) scrolls with the table around it.
      const regionCaption = (scroller?.querySelector(":scope > table > caption")?.textContent ?? "").trim();
      const mayScroll = !stackedLayout && !!scrollableCaption && regionCaption.startsWith(scrollableCaption);
      if (scrolls && !mayScroll) problems.push(`scrolls sideways: ${scroller.scrollWidth} px in ${scroller.clientWidth} px`);
      if (scrolls && mayScroll) {
        const label = document.getElementById(scroller.getAttribute("aria-labelledby") ?? "");
        const labelBox = label?.getBoundingClientRect();
        if (scroller.getAttribute("role") !== "region" || !labelBox || labelBox.width === 0 || label?.classList.contains("visually-hidden")) problems.push("scrolls without a visible label");
        if ((scroller as HTMLElement).tabIndex !== 0) problems.push("scrolls, but the keyboard cannot reach it");
      }
      const visibleLeft = scrolls && mayScroll ? scroller.getBoundingClientRect().left : 0;
      const visibleRight = scrolls && mayScroll ? Number.POSITIVE_INFINITY : viewport;
      // This table's own cells (a table inside a cell is inspected on its own).
      const headers = [...table.querySelectorAll(":scope > thead > tr > th")];
      const bodyCells = [...table.querySelectorAll(":scope > tbody > tr > th, :scope > tbody > tr > td")].filter((cell) => !cell.hasAttribute("colspan"));
      const cells = stackedLayout ? bodyCells : [...headers, ...bodyCells];
      for (const cell of cells) {
        const box = cell.getBoundingClientRect();
        if (box.width === 0 || box.height === 0) problems.push(`hidden: ${describe(cell)}`);
        if (box.left < visibleLeft - 1 || box.right > visibleRight + 1) problems.push(`outside the screen (${Math.round(box.left)}–${Math.round(box.right)} px): ${describe(cell)}`);
        if (cell.scrollWidth > cell.clientWidth + 1) problems.push(`text wider than its cell (${cell.scrollWidth} > ${cell.clientWidth}): ${describe(cell)}`);
        for (const child of cell.querySelectorAll("*")) {
          const inner = child.getBoundingClientRect();
          // Visually hidden texts, and a nested table's headers on a phone (its cells are labelled), are not shown.
          if (inner.width === 0 || child.closest(".visually-hidden") || (stackedLayout && child.closest("thead"))) continue;
          if (inner.right > box.right + 1 || inner.left < box.left - 1) problems.push(`sticks out of its cell: ${describe(child)} in ${describe(cell)}`);
          if (getComputedStyle(child).overflowX !== "visible" && child.scrollWidth > child.clientWidth + 1) problems.push(`clipped: ${describe(child)}`);
        }
        if (stackedLayout) {
          const label = cell.getAttribute("data-label") ?? "";
          const shown = getComputedStyle(cell, "::before").content;
          if (!label || !shown.startsWith(JSON.stringify(label))) problems.push(`card cell without its column's name: ${describe(cell)}`);
        }
      }
      return { caption, rows: table.querySelectorAll("tbody tr").length, problems };
    });
  }, [stacked, scrollable ?? ""] as const);
}

test.describe("tables show every column", () => {
  // eslint-disable-next-line no-empty-pattern -- Playwright reads the fixtures a hook uses from this pattern.
  test.beforeEach(({}, testInfo) => {
    test.skip(testInfo.project.name === "js-off", "layout only: the js-on (1280 px) and mobile (360 px) projects cover it");
  });

  for (const { account, paths } of PAGES) {
    test(`${account ?? "public"}: ${paths.join(", ")}`, async ({ page }, testInfo) => {
      test.setTimeout(120_000);
      const stacked = testInfo.project.name === "mobile";
      if (!stacked) await page.setViewportSize({ width: 1280, height: 800 });
      if (account) {
        await signInAs(page, demoAccount(account).identifier);
        await page.waitForURL((url) => !url.pathname.startsWith("/connexion"));
      }
      for (const entry of paths) {
        const path = entry === "procedure" ? await firstProcedurePage(page) : entry;
        await page.goto(path);
        await expect(page.locator("table.table").first()).toBeVisible();
        const reports = await inspectTables(page, stacked, SCROLLABLE[path]);
        expect(reports.length, `tables on ${path}`).toBeGreaterThan(0);
        expect(reports.some((r) => r.rows > 0), `a table with rows on ${path}`).toBe(true);
        expect(
          reports.filter((r) => r.problems.length > 0).map((r) => `${r.caption}: ${r.problems.slice(0, 5).join("; ")}`),
          `every column of every table on ${path} at ${stacked ? 360 : 1280} px`,
        ).toEqual([]);
        // No sideways scrolling of the page itself either.
        expect(await page.evaluate(() => document.documentElement.scrollWidth), `page width of ${path}`).toBeLessThanOrEqual(stacked ? 360 : 1280);
      }
    });
  }
});
