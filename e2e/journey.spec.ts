import { PROCEDURES } from "../db/seed/data/procedures";
import { newCitizen } from "./accounts";
import { sampleAnswer } from "../db/seed/sample-answers";
import { fillForm, type Journey } from "./case-filing";
import { clickAndWait, expect, test } from "./fixtures";

/**
 * The whole citizen journey, for three procedures of different agencies and delivery modes, with
 * documents: search from the home page, the procedure page, start, every form step (answers
 * derived from the procedure's own form definition), check your answers with a change, submit,
 * confirmation with the reference and the tracking code, the receipt and its PDF, Mon espace, and
 * /suivi without an account. Runs with JavaScript on and off (the phone layout of each page: mobile.spec.ts); the account
 * comes from the e2e factory, signing up is auth.spec.ts's.
 */


const JOURNEYS: Journey[] = [
  {
    slug: "extrait-casier-judiciaire",
    search: "casier",
    answers: { motif: "autre", motif_autre: "Inscription à un stage", nombre_exemplaires: "2" },
    forWhom: "self",
    region: "Maritime",
    change: ["motif_autre", "Dossier de stage au port autonome"],
  },
  {
    slug: "certificat-nationalite",
    search: "nationalité",
    answers: {},
    forWhom: { fullName: "Kodjo Mensah", relationship: "C'est mon enfant" },
    region: "Kara",
    change: ["lieu_naissance", "Kara, quartier Tomdè"],
  },
  {
    slug: "creation-entreprise",
    search: "creation entreprise",
    answers: { forme_juridique: "sarl", denomination: "Atelier Lomé Numérique", capital: "1000000", nombre_associes: "2" },
    forWhom: "self",
    region: "Maritime",
    change: ["denomination", "Atelier Numérique du Golfe"],
  },
];

for (const journey of JOURNEYS) {
  test(`a citizen files « ${journey.slug} » with documents and follows it`, async ({ page, baseURL }) => {
    test.slow();
    const procedure = PROCEDURES.find((p) => p.slug === journey.slug)!;
    await newCitizen(page, "Ama Koudjo");
    await expect(page).toHaveURL(/\/mon-espace$/);

    // Find it from the home page.
    await page.goto("/");
    await page.getByLabel("Rechercher une démarche").fill(journey.search);
    await clickAndWait(page, "Rechercher");
    await page.getByRole("link", { name: procedure.titleFr }).click();
    await expect(page.getByRole("heading", { level: 1, name: procedure.titleFr })).toBeVisible();
    await page.getByRole("link", { name: "Commencer" }).click();
    await clickAndWait(page, "Commencer ma demande");
    const reference = /dossiers\/(TG-\d{4}-[0-9A-Z]{4}-[0-9A-Z]{4})\//.exec(page.url())![1]!;

    await fillForm(page, journey);

    // Check your answers, change one answer, come back.
    await expect(page.getByRole("heading", { level: 1, name: "Vérifiez votre demande avant de l'envoyer" })).toBeVisible();
    const [changed, newValue] = journey.change;
    const original = String(journey.answers[changed] ?? sampleAnswer(procedure.definition.sections.flatMap((s) => s.fields).find((f) => f.name === changed)!));
    await expect(page.getByText(original, { exact: true }).first()).toBeVisible();
    const section = procedure.definition.sections.find((s) => s.fields.some((f) => f.name === changed))!;
    await page.locator(`a[href$="/formulaire/${section.id}"]`).first().click();
    await page.locator(`[name="${changed}"]`).fill(newValue);
    await clickAndWait(page, "Continuer");
    await expect(page).toHaveURL(/\/formulaire\/verification$/);
    await expect(page.getByText(newValue, { exact: true }).first()).toBeVisible();
    if (journey.forWhom !== "self") await expect(page.getByText(journey.forWhom.fullName, { exact: false })).toBeVisible();

    // Submit: the confirmation gives the reference and, once, the tracking code.
    await clickAndWait(page, "Envoyer ma demande");
    await expect(page).toHaveURL(new RegExp(`/dossiers/${reference}/confirmation$`));
    await expect(page.getByRole("heading", { level: 1, name: "Demande envoyée" })).toBeVisible();
    await expect(page.getByText(reference, { exact: true })).toBeVisible();
    const trackingCode = (await page.getByTestId("tracking-code").textContent())!.trim();
    expect(trackingCode).toMatch(/^[0-9A-Z]{5}-[0-9A-Z]{5}$/);
    await page.reload();
    await expect(page.getByTestId("tracking-code")).toHaveCount(0);

    // The receipt, printable and as a PDF.
    await page.getByRole("link", { name: "Voir et imprimer le récépissé" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Récépissé de dépôt" })).toBeVisible();
    await expect(page.getByText(reference).first()).toBeVisible();
    await expect(page.getByText(procedure.titleFr).first()).toBeVisible();
    await expect(page.getByRole("img", { name: new RegExp(reference) })).toBeVisible();
    const pdf = await page.request.get(`/mon-espace/dossiers/${reference}/recepisse.pdf`);
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()["content-type"]).toBe("application/pdf");
    expect((await pdf.body()).subarray(0, 5).toString()).toBe("%PDF-");

    // Mon espace lists it among the requests in progress; the case page tells its status.
    await page.goto("/mon-espace");
    const inProgress = page.getByRole("region", { name: "Demandes en cours" });
    await expect(inProgress.getByRole("link", { name: new RegExp(procedure.titleFr.slice(0, 20)) })).toHaveCount(1);
    await expect(page.getByRole("region", { name: "Brouillons" })).toHaveCount(0);
    await page.goto(`/mon-espace/dossiers/${reference}`);
    await expect(page.getByRole("heading", { level: 1 })).toContainText(procedure.titleFr);
    await expect(page.getByText(/Déposé|En attente de transmission/).first()).toBeVisible();

    // Anyone with the reference and the code follows it on /suivi, without personal data.
    await page.context().clearCookies();
    await page.goto(`${baseURL}/suivi`);
    await page.getByLabel("Numéro de dossier").fill(reference.toLowerCase());
    await page.getByLabel("Code de suivi").fill(trackingCode);
    await clickAndWait(page, "Voir l'état du dossier");
    await expect(page.getByText(/Déposé|En attente de transmission/).first()).toBeVisible();
    await expect(page.getByText("Ama Koudjo")).toHaveCount(0);
    if (journey.forWhom !== "self") await expect(page.getByText(journey.forWhom.fullName)).toHaveCount(0);
  });
}

test("a double submission (double click, resend) makes one case", async ({ page, baseURL }) => {
  test.slow();
  const journey = JOURNEYS[0]!;
  await newCitizen(page, "Edem Agbeko");
  await expect(page).toHaveURL(/\/mon-espace$/);
  await page.goto(`/demarches/${journey.slug}/commencer`);
  await clickAndWait(page, "Commencer ma demande");
  const reference = /dossiers\/(TG-\d{4}-[0-9A-Z]{4}-[0-9A-Z]{4})\//.exec(page.url())![1]!;
  await fillForm(page, journey);

  // The same form sent three times at once, as an impatient thumb or a flaky 3G link would.
  const form = page.locator("form[method='post']").filter({ has: page.getByRole("button", { name: "Envoyer ma demande" }) });
  const idempotencyKey = await form.locator("input[name=idempotencyKey]").inputValue();
  const url = page.url();
  const posts = await Promise.all(
    [1, 2, 3].map(() => page.request.post(url, { form: { idempotencyKey }, headers: { Origin: baseURL! }, maxRedirects: 0 })),
  );
  for (const response of posts) {
    expect(response.status()).toBe(303);
    expect(response.headers()["location"]).toContain(`/mon-espace/dossiers/${reference}/confirmation`);
  }
  // And once more from the page itself (the resend after a timeout).
  await clickAndWait(page, "Envoyer ma demande");
  await expect(page).toHaveURL(new RegExp(`/dossiers/${reference}/confirmation$`));

  await page.goto("/mon-espace");
  const procedure = PROCEDURES.find((p) => p.slug === journey.slug)!;
  await expect(page.getByRole("region", { name: "Demandes en cours" }).getByRole("link", { name: new RegExp(procedure.titleFr.slice(0, 20)) })).toHaveCount(1);
  await page.goto(`/mon-espace/dossiers/${reference}`);
  await expect(page.getByRole("listitem").filter({ hasText: "Vous avez déposé votre demande" })).toHaveCount(1);
});
