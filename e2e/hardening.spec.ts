import { spawn } from "node:child_process";
import { demoAccount, signInAs } from "./accounts";
import { expect, expectNoA11yViolations, test } from "./fixtures";

// Issue 11: what the attack campaign found, as a person and as a client would meet it, against the
// production build. The request-level checks run in the JS-on project only (see playwright.config.ts).

const FORM = { "Content-Type": "application/x-www-form-urlencoded" };

test.describe("bad requests get a clear 4xx page, never a 500", () => {
  test("a broken address shows the French error page with a way back", async ({ page, javaScriptEnabled }) => {
    for (const path of ["/demarches/x%00y", "/%", "/suivi?reference=a%00b"]) {
      const response = await page.goto(path);
      expect(response?.status(), path).toBe(400);
      await expect(page.getByRole("heading", { level: 1, name: "Demande illisible" })).toBeVisible();
      await expect(page.getByRole("link", { name: "revenir à l'accueil de Guichet" })).toBeVisible();
    }
    if (javaScriptEnabled) await expectNoA11yViolations(page);
    await page.goto("/demarches/x%00y?lng=en");
    await expect(page.getByRole("heading", { level: 1, name: "Request could not be read" })).toBeVisible();
  });

  test("a number too big for an id finds nothing, never a 500 (found by the fuzzer)", async ({ page }) => {
    const huge = "99999999999999999999999";
    await signInAs(page, demoAccount("agent").identifier);
    expect((await page.goto(`/agent?demarche=${huge}&bureau=${huge}`))?.status()).toBe(200);
    await signInAs(page, demoAccount("admin").identifier);
    expect((await page.goto(`/admin/comptes?bureau=${huge}&page=${huge}`))?.status()).toBe(200);
    expect((await page.goto(`/admin/bureaux?administration=${huge}`))?.status()).toBe(200);
    for (const path of ["/admin/bureaux/2147483648", `/admin/administrations/${huge}`, "/admin/demarches/9999999999"]) {
      expect((await page.goto(path))?.status(), path).toBe(404);
    }
  });

  test("a form posted as JSON, as broken multipart or too large is a 415, 400 or 413 page", async ({ request }) => {
    const json = await request.post("/suivi", { headers: { "Content-Type": "application/json" }, data: '{"reference":"x"}' });
    expect(json.status()).toBe(415);
    expect(await json.text()).toContain("Demande illisible");

    const multipart = await request.post("/connexion", {
      headers: { "Content-Type": "multipart/form-data; boundary=xyz" },
      data: '--xyz\r\nContent-Disposition: form-data; name="identifier"\r\n\r\ncitoyen@demo.tg',
    });
    expect(multipart.status()).toBe(400);

    const huge = await request.post("/suivi", { headers: FORM, data: "reference=" + "A".repeat(2 * 1024 * 1024) });
    expect(huge.status()).toBe(413);
    expect(await huge.text()).toContain("Envoi trop volumineux");
    expect((await request.get("/healthz")).status()).toBe(200);
  });

  test("an address over 8 KB is a 414, headers over 64 KB a 431, not a reset connection", async ({ request }) => {
    const long = await request.get("/demarches?q=" + "a".repeat(20_000));
    expect(long.status()).toBe(414);
    expect(await long.text()).toContain("Envoi trop volumineux");
    const api = await request.get("/api/v1/status?q=" + "a".repeat(20_000));
    expect(api.status()).toBe(414);
    expect(await api.json()).toMatchObject({ error: "uri_too_long" });
    expect((await request.get("/api/v1/sites/x%00y")).status()).toBe(400);
  });

  test("headers are sent once, and personal pages are never cached", async ({ page, request }) => {
    const api = await request.get("/api/v1/status");
    expect(api.headersArray().filter((h) => h.name.toLowerCase() === "x-content-type-options")).toHaveLength(1);
    expect(api.headers()["cache-control"]).toBe("public, max-age=30");

    await signInAs(page, demoAccount("citizen").identifier);
    await expect(page).toHaveURL(/\/mon-espace$/);
    for (const path of ["/mon-espace", "/mon-espace/profil", "/mon-espace/securite", "/demarches"]) {
      const response = await page.goto(path);
      expect(response?.headers()["cache-control"], path).toBe("private, no-store");
    }
  });
});

test.describe("a database outage", () => {
  test("pages answer 503 with Retry-After and a clear French page; the API answers JSON; /readyz is fast", async ({ request }, testInfo) => {
    test.skip(testInfo.project.name !== "js-on", "one server of its own is enough");
    const port = Number(process.env.E2E_PORT ?? 3100) + 50;
    // The production build against a PostgreSQL that does not answer (nothing listens on port 9).
    const server = spawn(process.execPath, ["--import", "tsx", "server/index.ts"], {
      env: { ...process.env, NODE_ENV: "production", PORT: String(port), APP_URL: `http://localhost:${port}`, DATABASE_URL: "postgres://postgres@127.0.0.1:9/guichet", LOG_LEVEL: "error", NOTIFICATION_WORKER: "off" },
      stdio: "ignore",
    });
    try {
      const base = `http://localhost:${port}`;
      await expect.poll(async () => (await request.get(`${base}/healthz`).catch(() => null))?.status(), { timeout: 30_000 }).toBe(200);
      const page = await request.get(`${base}/demarches`);
      expect(page.status()).toBe(503);
      expect(page.headers()["retry-after"]).toBe("30");
      expect(await page.text()).toContain("Vos dossiers et vos brouillons déjà enregistrés ne sont pas perdus");
      const api = await request.get(`${base}/api/v1/status`);
      expect(api.status()).toBe(503);
      expect(await api.json()).toMatchObject({ error: "service_unavailable" });
      const started = Date.now();
      expect((await request.get(`${base}/readyz`)).status()).toBe(503);
      expect(Date.now() - started).toBeLessThan(3_000);
    } finally {
      server.kill("SIGTERM");
    }
  });
});
