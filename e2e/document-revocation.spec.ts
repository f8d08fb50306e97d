import type { Page } from "@playwright/test";
import { clickAndWait } from "./fixtures";
import { casePath, expect, fileCaseAtLome, STAFF, test } from "./staff";

/**
 * A head of office revokes the document issued for an accepted electronic case (TPI-LOM,
 * extrait-casier-judiciaire): the agent does not get the form; a reason and a confirmation are
 * asked; /verifier then says the document is no longer valid.
 */
async function openCase(page: Page, reference: string) {
  await page.goto(casePath(reference));
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
}

test("a supervisor revokes an issued document; the public check shows it revoked", async ({ page, signedIn }) => {
  test.setTimeout(180_000);
  const reference = await fileCaseAtLome(page, "extrait-casier-judiciaire");
  const agent = await signedIn(STAFF.agent);
  await openCase(agent, reference);
  await clickAndWait(agent, "Prendre en charge");
  await clickAndWait(agent, "Accepter la demande");
  await expect(agent.getByText("La demande est acceptée")).toBeVisible();
  const issued = agent.getByRole("region", { name: "Pièces du dossier" }).getByRole("listitem").filter({ hasText: "code de vérification" });
  const code = /code de vérification (\S+?)\./.exec((await issued.textContent()) ?? "")?.[1];
  expect(code).toBeTruthy();
  // An agent cannot revoke.
  await expect(agent.getByRole("button", { name: "Révoquer le document" })).toHaveCount(0);

  const chef = await signedIn(STAFF.supervisor);
  await openCase(chef, reference);
  // Without a reason: refused, nothing revoked.
  await clickAndWait(chef, "Révoquer le document");
  await expect(chef.getByRole("alert")).toContainText("Indiquez le motif de la révocation.");
  await chef.getByLabel("Motif de la révocation").fill("Délivré par erreur : l'extrait concerne un homonyme.");
  await clickAndWait(chef, "Révoquer le document");
  await expect(chef.getByRole("heading", { name: "Confirmez la révocation" })).toBeVisible();
  await expect(chef.getByText(`Révoquer le document ${code} ?`)).toBeVisible();
  await clickAndWait(chef, "Confirmer la révocation");
  await expect(chef.getByRole("status").filter({ hasText: "Le document est révoqué" })).toBeVisible();
  await expect(chef.getByRole("button", { name: "Révoquer le document" })).toHaveCount(0);

  await page.context().clearCookies();
  await page.goto(`/verifier/${code}`);
  await expect(page.getByText("Ce document a été annulé").first()).toBeVisible();
});
