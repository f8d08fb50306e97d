import type { Page } from "@playwright/test";
import { PDF } from "./case-filing";
import { clickAndWait } from "./fixtures";
import { casePath, expect, fileCaseAtLome, STAFF, STAFF_NAMES, test } from "./staff";

/**
 * The office's side of a case, citizen and agents in separate browser contexts, with JavaScript
 * on and off: request for pieces and the answer, electronic acceptance with the
 * issued document verified on /verifier, pickup to handover, refusal with its reason, transfer
 * to another administration, reopening by the head of office, two agents at once, and who gets a
 * 404. Every test has its own case, filed by a new citizen through the e2e factory (staff.ts).
 */

async function openCase(page: Page, reference: string) {
  await page.goto(casePath(reference));
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
}

function actionCard(page: Page, title: string) {
  return page.getByRole("region", { name: title, exact: true });
}

async function take(page: Page) {
  await clickAndWait(page, "Prendre en charge");
  await expect(page.getByRole("status").filter({ hasText: "Le dossier vous est attribué" })).toBeVisible();
}

function timeline(page: Page) {
  return page.getByTestId("timeline");
}

test("the agent asks for pieces, the citizen answers, the case comes back", async ({ page, signedIn }) => {
  test.slow();
  const reference = await fileCaseAtLome(page, "extrait-casier-judiciaire", "Ama Koudjo");
  const agent = await signedIn(STAFF.agent);
  await openCase(agent, reference);
  await expect(agent.getByText("Ama Koudjo").first()).toBeVisible();
  await expect(agent.getByRole("heading", { name: "La demande telle que déposée" })).toBeVisible();
  await expect(agent.getByRole("link", { name: /Voir/ }).first()).toBeVisible();
  await take(agent);
  await expect(agent.getByText(`${STAFF_NAMES.agent} (vous)`)).toBeVisible();

  // Nothing typed: the error summary names the message; then a real request.
  const request = actionCard(agent, "Demander des pièces");
  await request.getByRole("checkbox", { name: "Copie de l'acte de naissance" }).check();
  await clickAndWait(agent, "Demander des pièces");
  await expect(agent.getByRole("alert").getByRole("link", { name: "Écrivez le message à l'usager" })).toBeVisible();
  await actionCard(agent, "Demander des pièces").getByLabel("Message à l'usager").fill("L'acte de naissance joint est illisible.");
  await actionCard(agent, "Demander des pièces").getByLabel("Autres pièces à fournir").fill("Quittance du timbre fiscal");
  await clickAndWait(agent, "Demander des pièces");
  await expect(agent.getByText("La demande de pièces a été envoyée")).toBeVisible();
  await expect(agent.locator('[data-status="awaiting_info"]').first()).toBeVisible();
  await expect(timeline(agent)).toContainText(`${STAFF_NAMES.agent} a demandé des pièces à l'usager.`);

  // The citizen reads the request and answers.
  await page.goto(`/mon-espace/dossiers/${reference}`);
  await expect(page.getByText("L'acte de naissance joint est illisible.").first()).toBeVisible();
  await expect(page.getByText("Quittance du timbre fiscal").first()).toBeVisible();
  await page.getByLabel("Votre réponse").fill("Voici une copie lisible de mon acte de naissance.");
  await clickAndWait(page, "Envoyer ma réponse");
  await expect(page.locator('[data-status="in_review"]').first()).toBeVisible();

  await openCase(agent, reference);
  await expect(agent.locator('[data-status="in_review"]').first()).toBeVisible();
  await expect(timeline(agent)).toContainText("Ama Koudjo a répondu à la demande de pièces");
  await expect(agent.getByRole("region", { name: "Messages avec l'usager" })).toContainText("Voici une copie lisible");

  // A private note stays on the office's side.
  await agent.getByLabel("Ajouter une note").fill("Acte vérifié auprès du centre d'état civil.");
  await clickAndWait(agent, "Enregistrer la note");
  await expect(agent.getByRole("region", { name: "Notes internes" })).toContainText("Acte vérifié auprès du centre");
  await page.reload();
  await expect(page.getByText("Acte vérifié auprès du centre")).toHaveCount(0);
});

test("accepting an electronic request issues a document the citizen downloads and anyone verifies", async ({ page, signedIn }) => {
  test.slow();
  const reference = await fileCaseAtLome(page, "extrait-casier-judiciaire");
  const agent = await signedIn(STAFF.agent);
  await openCase(agent, reference);
  await take(agent);
  await expect(actionCard(agent, "Accepter la demande")).toContainText("un document sera délivré", { ignoreCase: true });
  await clickAndWait(agent, "Accepter la demande");
  await expect(agent.getByText("La demande est acceptée")).toBeVisible();
  await expect(agent.getByRole("heading", { name: "Document délivré" })).toBeVisible();

  // The office sees the document and its code; the citizen downloads it from his case page.
  const issued = agent.getByRole("region", { name: "Pièces du dossier" }).getByRole("listitem").filter({ hasText: "code de vérification" });
  const code = /code de vérification (\S+?)\./.exec((await issued.textContent()) ?? "")?.[1];
  expect(code).toBeTruthy();
  await page.goto(`/mon-espace/dossiers/${reference}`);
  await expect(page.locator('[data-status="accepted"]').first()).toBeVisible();
  const result = page.getByRole("region", { name: "Résultat" });
  await expect(result).toContainText(`Code de vérification : ${code}`);
  const href = await result.getByRole("link", { name: /^Télécharger / }).getAttribute("href");
  const pdf = await page.request.get(href!);
  expect(pdf.status()).toBe(200);
  expect(pdf.headers()["content-disposition"]).toMatch(/^attachment/);
  expect((await pdf.body()).subarray(0, 5).toString()).toBe("%PDF-");

  await page.context().clearCookies();
  const verify = await page.goto(`/verifier/${code}`);
  expect(verify?.status()).toBe(200);
  await expect(page.getByText("Ce document est authentique").first()).toBeVisible();
});

test("pickup: accepted, ready with instructions, handed over with the identity check", async ({ page, signedIn }) => {
  test.slow();
  const reference = await fileCaseAtLome(page, "certificat-nationalite");
  const agent = await signedIn(STAFF.agent);
  await openCase(agent, reference);
  await take(agent);
  await clickAndWait(agent, "Accepter la demande");
  await expect(agent.locator('[data-status="accepted"]').first()).toBeVisible();
  await agent.getByLabel("Instructions de retrait").fill("Au guichet 3 du greffe, du lundi au vendredi, avec votre pièce d'identité.");
  await clickAndWait(agent, "Prêt à retirer");
  await expect(agent.locator('[data-status="ready"]').first()).toBeVisible();

  await page.goto(`/mon-espace/dossiers/${reference}`);
  await expect(page.locator('[data-status="ready"]').first()).toBeVisible();

  await agent.getByLabel("Vérification d'identité").fill("Carte nationale d'identité n° 0123456789 présentée par la demandeuse.");
  await clickAndWait(agent, "Remis");
  await expect(agent.locator('[data-status="delivered"]').first()).toBeVisible();
  await expect(timeline(agent)).toContainText(`${STAFF_NAMES.agent} a remis le document à l'usager.`);
  await expect(timeline(agent)).toContainText("Carte nationale d'identité n° 0123456789");
  await expect(agent.getByRole("region", { name: "Actions" })).toHaveCount(0);

  await page.reload();
  await expect(page.locator('[data-status="delivered"]').first()).toBeVisible();
});

test("a refusal needs a reason from the list and an explanation; the citizen reads it; the head of office reopens", async ({ page, signedIn }) => {
  test.slow();
  const reference = await fileCaseAtLome(page, "extrait-casier-judiciaire");
  const agent = await signedIn(STAFF.agent);
  await openCase(agent, reference);
  await take(agent);

  const refuse = actionCard(agent, "Refuser la demande");
  await refuse.getByLabel("Explication pour l'usager").fill("Le bulletin n° 3 ne peut être délivré");
  await clickAndWait(agent, "Refuser la demande");
  await expect(agent.getByRole("alert").getByRole("link", { name: "Choisissez le motif du refus" })).toBeVisible();
  // The text typed is still there.
  await expect(actionCard(agent, "Refuser la demande").getByLabel("Explication pour l'usager")).toHaveValue("Le bulletin n° 3 ne peut être délivré");
  await actionCard(agent, "Refuser la demande").getByLabel("Motif").selectOption({ label: "Conditions non remplies" });
  await actionCard(agent, "Refuser la demande")
    .getByLabel("Explication pour l'usager")
    .fill("Vous êtes né à l'étranger : adressez-vous au service central du casier judiciaire.");
  await clickAndWait(agent, "Refuser la demande");
  // A second step shows what the citizen will read.
  const confirmation = agent.getByRole("region", { name: "Confirmez le refus" });
  await expect(confirmation).toContainText("Conditions non remplies");
  await expect(agent.locator('[data-status="in_review"]').first()).toBeVisible();
  await clickAndWait(agent, "Confirmer le refus");
  await expect(agent.locator('[data-status="rejected"]').first()).toBeVisible();
  await expect(timeline(agent)).toContainText("Motif : Conditions non remplies — Vous êtes né à l'étranger");
  // An agent cannot reopen.
  await expect(agent.getByRole("button", { name: "Rouvrir le dossier" })).toHaveCount(0);

  await page.goto(`/mon-espace/dossiers/${reference}`);
  await expect(page.locator('[data-status="rejected"]').first()).toBeVisible();
  await expect(page.getByText("Vous êtes né à l'étranger").first()).toBeVisible();

  const chief = await signedIn(STAFF.supervisor);
  await openCase(chief, reference);
  await chief.getByLabel("Motif de la réouverture").fill("Naissance à Lomé confirmée par le registre.");
  await clickAndWait(chief, "Rouvrir le dossier");
  await expect(chief.locator('[data-status="in_review"]').first()).toBeVisible();
  await expect(timeline(chief)).toContainText(`${STAFF_NAMES.supervisor} a rouvert le dossier.`);
});

test("a transfer to another administration takes the case out of the office's reach", async ({ page, signedIn }) => {
  test.slow();
  const reference = await fileCaseAtLome(page, "certificat-nationalite");
  const agent = await signedIn(STAFF.agent);
  await openCase(agent, reference);
  const transfer = actionCard(agent, "Transférer à un autre bureau");
  const option = transfer.locator("optgroup[label='Autres administrations'] option").first();
  const officeName = ((await option.textContent()) ?? "").split(" — ")[0]!;
  await transfer.getByLabel("Bureau de destination").selectOption(await option.getAttribute("value"));
  await transfer.getByLabel("Motif du transfert").fill("La demande relève de l'état civil.");
  await clickAndWait(agent, "Transférer");
  await expect(agent).toHaveURL(/\/agent(\?|$)/);
  await expect(agent.getByRole("status").filter({ hasText: `Le dossier ${reference} a été transféré.` })).toBeVisible();

  const response = await agent.goto(casePath(reference));
  expect(response?.status()).toBe(404);

  await page.goto(`/mon-espace/dossiers/${reference}`);
  await expect(page.getByText(officeName).first()).toBeVisible();
});

test("two agents on one case: the second gets the new state, his text kept, and one decision is made", async ({ page, signedIn }) => {
  test.slow();
  const reference = await fileCaseAtLome(page, "extrait-casier-judiciaire");
  const agent = await signedIn(STAFF.agent);
  const chief = await signedIn(STAFF.supervisor);
  await openCase(agent, reference);
  await openCase(chief, reference);

  // Both take it: the second is told.
  await take(agent);
  await clickAndWait(chief, "Prendre en charge");
  await expect(
    chief.getByRole("alert").filter({
      hasText: "Ce dossier a été modifié entre-temps par quelqu'un d'autre",
    }),
  ).toBeVisible();
  await expect(chief.locator('[data-status="in_review"]').first()).toBeVisible();
  await expect(chief.getByText(STAFF_NAMES.agent).first()).toBeVisible();

  // Both decide from the same state: one accepts, the other's refusal comes too late.
  await openCase(chief, reference);
  await actionCard(chief, "Refuser la demande").getByLabel("Motif").selectOption({ label: "Dossier incomplet" });
  await actionCard(chief, "Refuser la demande").getByLabel("Explication pour l'usager").fill("Il manque la pièce d'identité.");
  await clickAndWait(agent, "Accepter la demande");
  await expect(agent.locator('[data-status="accepted"]').first()).toBeVisible();
  await clickAndWait(chief, "Refuser la demande");
  await expect(
    chief.getByRole("alert").filter({
      hasText: "Ce dossier a été modifié entre-temps par quelqu'un d'autre",
    }),
  ).toBeVisible();
  await expect(chief.locator('[data-status="accepted"]').first()).toBeVisible();
  await expect(chief.getByText("votre texte est conservé")).toBeVisible();
  await expect(
    timeline(chief)
      .getByRole("listitem")
      .filter({ hasText: /a accepté la demande|a refusé la demande/ }),
  ).toHaveCount(1);
});

test("only the office's staff see a case: another office, the operator, the administrator and another citizen get a 404", async ({ page, signedIn }) => {
  test.slow();
  const reference = await fileCaseAtLome(page, "extrait-casier-judiciaire");
  // The applicant himself has his own page, not the office's.
  expect((await page.goto(casePath(reference)))?.status()).toBe(404);
  for (const identifier of [STAFF.karaAgent, STAFF.operator, STAFF.admin]) {
    const other = await signedIn(identifier);
    const response = await other.goto(casePath(reference));
    expect(response?.status(), identifier).toBe(404);
    const post = await other.request.post(casePath(reference), {
      form: { intent: "take", expectedVersion: "1" },
      headers: { Origin: new URL(other.url()).origin },
      maxRedirects: 0,
    });
    expect(post.status(), `${identifier} POST`).toBe(404);
  }
  const agent = await signedIn(STAFF.agent);
  expect((await agent.goto(casePath(reference)))?.status()).toBe(200);
});

test("the head of office assigns a new case; the office writes with a document", async ({ page, signedIn }) => {
  test.slow();
  const reference = await fileCaseAtLome(page, "certificat-nationalite", "Kossi Amedzro");
  const chief = await signedIn(STAFF.supervisor);
  await openCase(chief, reference);
  await actionCard(chief, "Attribuer le dossier").getByLabel("Attribuer à").selectOption({ label: STAFF_NAMES.agent });
  await clickAndWait(chief, "Attribuer");
  await expect(chief.locator('[data-status="in_review"]').first()).toBeVisible();
  await expect(timeline(chief)).toContainText(`${STAFF_NAMES.supervisor} a attribué le dossier à ${STAFF_NAMES.agent}.`);

  const agent = await signedIn(STAFF.agent);
  await openCase(agent, reference);
  await expect(agent.getByText(`${STAFF_NAMES.agent} (vous)`)).toBeVisible();
  // An empty message is refused, the file chosen must be chosen again.
  await clickAndWait(agent, "Envoyer le message");
  await expect(agent.getByRole("alert").getByRole("link", { name: "Écrivez votre message" })).toBeVisible();
  await agent.getByLabel("Votre message").fill("Voici le formulaire de déclaration à remplir et à nous renvoyer.");
  await agent.getByLabel("Pièce jointe 1").setInputFiles(PDF);
  await clickAndWait(agent, "Envoyer le message");
  await expect(agent.getByText("Votre message a été envoyé à l'usager.")).toBeVisible();
  const thread = agent.getByRole("region", { name: "Messages avec l'usager" });
  await expect(thread).toContainText("Voici le formulaire de déclaration");
  await expect(thread.getByRole("link", { name: PDF.name, exact: true })).toBeVisible();
  await expect(thread.getByRole("link", { name: `Voir ${PDF.name} dans le navigateur` })).toHaveAttribute("href", /inline=1/);

  await page.goto(`/mon-espace/dossiers/${reference}`);
  await expect(page.getByText("Voici le formulaire de déclaration").first()).toBeVisible();
  await expect(page.getByRole("link", { name: PDF.name })).toBeVisible();
});

test("a case waiting for pieces is closed without action, with its reason, after confirmation", async ({ page, signedIn }) => {
  test.slow();
  const reference = await fileCaseAtLome(page, "extrait-casier-judiciaire");
  const agent = await signedIn(STAFF.agent);
  await openCase(agent, reference);
  await take(agent);
  await actionCard(agent, "Demander des pièces").getByLabel("Message à l'usager").fill("Merci de joindre votre acte de naissance.");
  await clickAndWait(agent, "Demander des pièces");
  await expect(agent.locator('[data-status="awaiting_info"]').first()).toBeVisible();
  await expect(agent.getByRole("button", { name: "Accepter la demande" })).toHaveCount(0);

  const close = actionCard(agent, "Classer sans suite");
  await close.getByLabel("Motif").selectOption({ label: "À la demande de l'usager" });
  await close.getByLabel("Explication pour l'usager").fill("Vous nous avez indiqué ne plus avoir besoin de ce bulletin.");
  await clickAndWait(agent, "Classer sans suite");
  await expect(agent.getByRole("region", { name: "Confirmez le classement sans suite" })).toContainText("ne plus avoir besoin");
  await clickAndWait(agent, "Confirmer le classement sans suite");
  await expect(agent.locator('[data-status="closed"]').first()).toBeVisible();
  await expect(timeline(agent)).toContainText(`${STAFF_NAMES.agent} a classé le dossier sans suite.`);

  await page.goto(`/mon-espace/dossiers/${reference}`);
  await expect(page.locator('[data-status="closed"]').first()).toBeVisible();
  await expect(page.getByText("ne plus avoir besoin de ce bulletin").first()).toBeVisible();
});
