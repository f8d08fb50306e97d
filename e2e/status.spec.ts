import type { Page } from "@playwright/test";
import { demoAccount, signInAs, uniqueEmail } from "./accounts";
import { clickAndWait, expect, expectNoA11yViolations, test } from "./fixtures";

/**
 * The public status page, its feed and subscriptions, and the journey DESIGN.md §5 promises:
 * an operator marks an office's building down (or degraded) → the procedure page and the status
 * page say so → back up → both are normal again.
 */

/**
 * The three projects run at the same time against one server: each journey changes a different
 * Kara building, whose office is the only one serving Kara for its procedure (so the change flips
 * the procedure's availability there).
 */
const JOURNEYS = {
  "js-on": {
    office: "DGTR — direction régionale de Kara",
    siteName: "Direction régionale des transports routiers, Kara",
    slug: "duplicata-permis-conduire",
    set: "Interrompu",
    // The national office (Lomé) is in maintenance in the demo data: requests wait.
    availability: "Temporairement indisponible — votre demande sera transmise automatiquement",
  },
  "js-off": {
    office: "Greffe du tribunal de première instance de Kara",
    siteName: "Tribunal de première instance de Kara",
    slug: "extrait-casier-judiciaire",
    set: "Perturbé",
    availability: "Perturbé",
  },
  mobile: {
    office: "Centre d'état civil — mairie de Kozah 1 (Kara)",
    siteName: "Mairie de Kozah 1 (Kara)",
    slug: "copie-acte-naissance",
    set: "Perturbé",
    availability: "Perturbé",
  },
} as const;

async function siteCode(page: Page, name: string): Promise<string> {
  const response = await page.request.get("/api/v1/sites?region=kara&perPage=200");
  expect(response.status()).toBe(200);
  const sites = (await response.json()) as { code: string; name: string }[];
  const site = sites.find((s) => s.name === name);
  expect(site, `site "${name}" in the demo data`).toBeTruthy();
  return site!.code;
}

async function setStatus(page: Page, code: string, status: string, note: string) {
  await page.goto(`/reseau/sites/${code}`);
  await page.getByRole("radio", { name: status, exact: true }).check();
  await page.getByLabel("Note").fill(note);
  await clickAndWait(page, "Enregistrer le nouvel état");
}

function availabilitySection(page: Page) {
  return page.getByRole("region", { name: /Peut-on la demander en ligne/ });
}

function uniquePhone(): { display: string; e164: string } {
  const digits = String(Math.floor(Math.random() * 1_000_000)).padStart(6, "0");
  return { display: `92 ${digits.slice(0, 2)} ${digits.slice(2, 4)} ${digits.slice(4)}`, e164: `+22892${digits}` };
}

/** A link of the latest message to `recipient` in the development outbox (rendered by the worker within seconds). */
async function linkInOutbox(page: Page, recipient: string, href: RegExp): Promise<string> {
  let url: string | null = null;
  await expect(async () => {
    await page.goto(`/dev/boite-d-envoi?destinataire=${encodeURIComponent(recipient)}`);
    url = await page.getByRole("link", { name: href }).first().getAttribute("href", { timeout: 1_000 });
    expect(url).toBeTruthy();
  }).toPass({ timeout: 15_000 });
  return url!;
}

/** The templates of the messages queued to `recipient`, oldest first. */
async function outboxTemplates(page: Page, recipient: string): Promise<string[]> {
  await page.goto(`/dev/boite-d-envoi?destinataire=${encodeURIComponent(recipient)}`);
  const templates = await page.locator("tbody tr td code").allTextContents();
  return templates.reverse();
}

test.describe("status page", () => {
  test("shows the regions, an incident in progress and the maintenance announced", async ({ page }) => {
    await page.goto("/etat-des-services");
    await expect(page.getByRole("heading", { level: 1, name: "État des services" })).toBeVisible();
    const regions = page.getByRole("table", { name: "Bâtiments raccordés et leur état, par région" });
    await expect(regions.getByRole("row", { name: /^Maritime/ })).toContainText("543 / 549");
    await expect(regions.getByRole("row", { name: /^Kara/ })).toContainText("17 / 22");
    // Golfe 1's building is down in the demo data.
    const incidents = page.getByRole("table", { name: "Bâtiments dont la liaison est interrompue ou perturbée" });
    await expect(incidents.getByRole("row", { name: /Mairie de Golfe 1/ })).toContainText("Interrompu");
    const maintenance = page.getByRole("table", { name: "Maintenances en cours et annoncées" });
    await expect(maintenance.getByRole("row").filter({ hasText: "Remplacement du convertisseur optique" })).toContainText("Prévue");
    await expect(page.getByRole("img", { name: /Carte du Togo/ })).toBeVisible();
    await expect(page.getByRole("table", { name: "Bâtiments par ville et par état" }).getByRole("row", { name: /^Lomé/ })).toBeVisible();
    await expect(page.locator('link[rel="alternate"][type="application/atom+xml"]')).toHaveAttribute("href", "/etat-des-services/flux.atom");
  });

  test("has an Atom feed of incidents", async ({ page, javaScriptEnabled }) => {
    const response = await page.request.get("/etat-des-services/flux.atom");
    expect(response.headers()["content-type"]).toBe("application/atom+xml; charset=utf-8");
    const xml = await response.text();
    expect(xml).toContain('<feed xmlns="http://www.w3.org/2005/Atom"');
    if (!javaScriptEnabled) return;
    await page.goto("/etat-des-services");
    const parsed = await page.evaluate((text) => {
      const doc = new DOMParser().parseFromString(text, "application/xml");
      return {
        error: doc.getElementsByTagName("parsererror").length,
        root: doc.documentElement.localName,
        entries: doc.getElementsByTagName("entry").length,
        id: doc.querySelector("feed > id")?.textContent ?? "",
      };
    }, xml);
    expect(parsed).toMatchObject({ error: 0, root: "feed" });
    expect(parsed.entries).toBeGreaterThan(0);
    expect(parsed.id).toMatch(/\/etat-des-services\/flux\.atom$/);
  });

  test("subscribes by e-mail: nothing but a confirmation link until it is confirmed, then unsubscribes with the link received", async ({ page, javaScriptEnabled }) => {
    const email = uniqueEmail("abonne");
    await page.goto("/etat-des-services");
    await page.getByRole("radio", { name: "Par e-mail" }).check();
    await page.getByLabel("Adresse e-mail ou numéro de téléphone").fill(email);
    // Savanes: no other test changes a building there. Every incident message carries a fresh
    // unsubscribe link that replaces the previous one (decision 006), so an outage in the
    // subscribed region during this test would rightly retire the confirmation's link.
    await page.getByLabel("Région ou administration").selectOption({ label: "Savanes" });
    await clickAndWait(page, "S'abonner");
    await expect(page.getByRole("heading", { level: 1, name: "Confirmez votre abonnement" })).toBeVisible();

    const confirmUrl = await linkInOutbox(page, email, /abonnement\/confirmer/);
    const messages = await outboxTemplates(page, email);
    expect(messages).toEqual(["incident_subscription_confirmation"]);

    // Opening the link (as a mail scanner would) confirms nothing: the button does.
    await page.goto(confirmUrl);
    await expect(page.getByRole("heading", { level: 1, name: "Confirmer votre abonnement" })).toBeVisible();
    await expect(page.getByText(/aux incidents de « Savanes »/)).toBeVisible();
    // axe runs inside the page: not with JavaScript off.
    if (javaScriptEnabled) await expectNoA11yViolations(page);
    await clickAndWait(page, "Confirmer l'abonnement");
    await expect(page.getByRole("heading", { level: 1, name: "Abonnement confirmé" })).toBeVisible();
    await page.goto(confirmUrl);
    await expect(page.getByText(/Ce lien de confirmation n'est pas valable/)).toBeVisible();

    const unsubscribeUrl = await linkInOutbox(page, email, /desabonnement/);
    await page.goto(unsubscribeUrl);
    await expect(page.getByRole("heading", { level: 1, name: "Se désabonner des incidents" })).toBeVisible();
    await expect(page.getByText(/incidents de « Savanes »/)).toBeVisible();
    await clickAndWait(page, "Me désabonner");
    await expect(page.getByRole("heading", { level: 1, name: "Désabonnement effectué" })).toBeVisible();
    await page.goto(unsubscribeUrl);
    await expect(page.getByText("Cet abonnement est déjà arrêté.")).toBeVisible();
  });

  test("subscribes by SMS with the 6-digit code received, typed on the page", async ({ page }) => {
    const phone = uniquePhone();
    await page.goto("/etat-des-services/abonnement");
    await page.getByRole("radio", { name: "Par SMS" }).check();
    await page.getByLabel("Adresse e-mail ou numéro de téléphone").fill(phone.display);
    await page.getByLabel("Région ou administration").selectOption({ label: "Savanes" });
    await clickAndWait(page, "S'abonner");
    await expect(page.getByRole("heading", { level: 1, name: "Saisissez le code reçu par SMS" })).toBeVisible();
    const codePage = page.url();

    let code = "";
    await expect(async () => {
      await page.goto(`/dev/boite-d-envoi?destinataire=${encodeURIComponent(phone.e164)}`);
      const text = (await page.getByRole("row").filter({ hasText: "incident_subscription_confirmation" }).first().textContent({ timeout: 1_000 })) ?? "";
      code = /aux incidents: (\d{6})/.exec(text)?.[1] ?? "";
      expect(code).toMatch(/^\d{6}$/);
    }).toPass({ timeout: 15_000 });
    expect(await outboxTemplates(page, phone.e164)).toEqual(["incident_subscription_confirmation"]);

    await page.goto(codePage);
    const field = page.getByLabel("Code de confirmation");
    const wrong = code === "000000" ? "111111" : "000000";
    await field.fill(wrong);
    await clickAndWait(page, "Confirmer l'abonnement");
    await expect(page.getByRole("alert").getByRole("link", { name: /Ce code n'est pas le bon/ })).toBeVisible();
    await expect(field).toHaveValue(wrong);
    await expect(field).toHaveAttribute("aria-invalid", "true");

    await field.fill(`${code.slice(0, 3)} ${code.slice(3)}`);
    await clickAndWait(page, "Confirmer l'abonnement");
    await expect(page.getByRole("heading", { level: 1, name: "Abonnement confirmé" })).toBeVisible();
    // No second, paid SMS to say so.
    expect(await outboxTemplates(page, phone.e164)).toEqual(["incident_subscription_confirmation"]);
  });

  test("says which field is wrong when the address does not match the channel", async ({ page }) => {
    await page.goto("/etat-des-services/abonnement");
    await page.getByRole("radio", { name: "Par SMS" }).check();
    await page.getByLabel("Adresse e-mail ou numéro de téléphone").fill("pas-un-numero@exemple.tg");
    await clickAndWait(page, "S'abonner");
    const summary = page.getByRole("alert");
    await expect(summary.getByRole("link", { name: "Saisissez un numéro de mobile togolais, par exemple 90 12 34 56" })).toBeVisible();
    await expect(summary.getByRole("link", { name: "Choisissez une région ou une administration" })).toBeVisible();
  });
});

test.describe("procedure page", () => {
  test("shows the procedure, its availability and its offices for the region chosen", async ({ page }) => {
    await page.goto("/demarches/extrait-casier-judiciaire");
    await expect(page.getByRole("heading", { level: 1, name: /Extrait de casier judiciaire/ })).toBeVisible();
    await expect(page.getByText("1 000 FCFA")).toBeVisible();
    await page.getByLabel("Votre région").selectOption({ label: "Savanes" });
    await clickAndWait(page, "Afficher pour cette région");
    await expect(page).toHaveURL(/region=savanes/);
    await expect(availabilitySection(page)).toContainText("Région Savanes");
    const missing = await page.request.get("/demarches/nexiste-pas");
    expect(missing.status()).toBe(404);
  });
});

test.describe("an outage reaches the procedure page and the status page", () => {
  test.describe.configure({ mode: "serial" });

  test("a building whose monitoring is lost shows « état inconnu », not an outage, and comes back when it is watched again", async ({ page, javaScriptEnabled }, testInfo) => {
    test.setTimeout(60_000);
    // A Lomé building of its own per project, far from the ones other specs change.
    const index = { "js-on": 1, "js-off": 2, mobile: 3 }[testInfo.project.name] ?? 4;
    const listed = await page.request.get("/api/v1/sites?region=maritime&status=up&perPage=200&page=2");
    const site = ((await listed.json()) as { code: string; name: string }[]).at(-index)!;
    const alert = (status: "firing" | "resolved") =>
      page.request.post("/api/v1/alertmanager", {
        headers: { Authorization: "Bearer e2e-monitoring-token-not-secret" },
        data: {
          version: "4",
          status,
          receiver: "guichet",
          groupKey: `{}:{site="${site.code}"}`,
          alerts: [{ status, labels: { alertname: "SiteMonitoringLost", site: site.code }, startsAt: new Date().toISOString(), fingerprint: `e2e-${site.code}` }],
        },
      });
    expect((await alert("firing")).status()).toBe(200);
    try {
      const fromApi = await (await page.request.get(`/api/v1/sites/${site.code}`)).json();
      expect(fromApi).toMatchObject({ status: "unknown", knownStatus: "up" });
      await expect(async () => {
        // The page is cacheable for 30 s (public, max-age=30): a new address each time, as a new visitor.
        await page.goto(`/etat-des-services?visite=${Date.now()}`);
        await expect(page.getByText(/Surveillance interrompue : l.état de \d+ bâtiments? est inconnu/)).toBeVisible({ timeout: 500 });
      }).toPass({ timeout: 15_000 });
      await expect(page.getByText("Ce n'est pas une coupure")).toBeVisible();
      // Not an incident: the building is not listed among those down or degraded.
      await expect(page.getByRole("table", { name: "Bâtiments dont la liaison est interrompue ou perturbée" }).getByRole("row", { name: new RegExp(site.code) })).toHaveCount(0);
      const regions = page.getByRole("table", { name: "Bâtiments raccordés et leur état, par région" });
      await expect(regions.getByRole("columnheader", { name: "État inconnu" })).toBeVisible();
      // axe runs in the page: with JavaScript on (the JS-off run checks the same server-rendered page).
      if (javaScriptEnabled) await expectNoA11yViolations(page);

      await signInAs(page, demoAccount("operator").identifier);
      await page.goto(`/reseau/sites/${site.code}`);
      await expect(page.getByText("État inconnu").first()).toBeVisible();
    } finally {
      expect((await alert("resolved")).status()).toBe(200);
    }
    const after = await (await page.request.get(`/api/v1/sites/${site.code}`)).json();
    expect(after).toMatchObject({ status: "up", knownStatus: "up" });
  });

  test("operator marks a building down, then back up", async ({ page }, testInfo) => {
    const journey = JOURNEYS[testInfo.project.name as keyof typeof JOURNEYS] ?? JOURNEYS["js-on"];
    await signInAs(page, demoAccount("operator").identifier);
    await expect(page).not.toHaveURL(/\/connexion/);
    const code = await siteCode(page, journey.siteName);
    const procedurePath = `/demarches/${journey.slug}?region=kara`;

    await page.goto(procedurePath);
    await expect(availabilitySection(page)).toContainText("Disponible");

    try {
      await setStatus(page, code, journey.set, `Test de bout en bout (${testInfo.project.name})`);
      await page.goto(procedurePath);
      await expect(availabilitySection(page)).toContainText(journey.availability);
      await expect(availabilitySection(page).getByRole("listitem").filter({ hasText: journey.office })).toContainText(journey.set);
      await expect(async () => {
        await page.goto("/etat-des-services");
        await expect(page.getByRole("table", { name: "Bâtiments dont la liaison est interrompue ou perturbée" }).getByRole("row", { name: new RegExp(code) })).toContainText(journey.set, { timeout: 500 });
      }).toPass({ timeout: 15_000 });
    } finally {
      await setStatus(page, code, "Opérationnel", "Fin du test de bout en bout");
    }

    await page.goto(procedurePath);
    await expect(availabilitySection(page)).toContainText("Disponible");
    await expect(async () => {
      await page.goto("/etat-des-services");
      await expect(page.getByRole("table", { name: "Bâtiments dont la liaison est interrompue ou perturbée" }).getByRole("row", { name: new RegExp(code) })).toHaveCount(0, { timeout: 500 });
    }).toPass({ timeout: 15_000 });
  });
});
