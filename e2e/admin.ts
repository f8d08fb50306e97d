import type { Page } from "@playwright/test";
import { expect } from "./fixtures";

/** A suffix that keeps what one test run creates apart from every other run (3 projects, 2 workers). */
export function uniqueSuffix(): string {
  return `${Date.now().toString(36)}${Math.floor(Math.random() * 36 ** 3).toString(36)}`;
}

export interface NewProcedure {
  titleFr: string;
  titleEn: string;
  /** The responsible agency, as its French name appears in the list. */
  agency: string;
  category?: string;
  feeXof?: string;
  delayDays?: string;
  delivery?: "Retrait au bureau" | "Document électronique";
  keywords?: string;
}

/**
 * Create a procedure through /admin/demarches/nouvelle (signed in as an administrator) and land on
 * its page. Returns the procedure's admin path, e.g. "/admin/demarches/15".
 */
export async function createProcedure(page: Page, procedure: NewProcedure): Promise<string> {
  await page.goto("/admin/demarches/nouvelle");
  await page.getByLabel("Titre en français").fill(procedure.titleFr);
  await page.getByLabel("Titre en anglais").fill(procedure.titleEn);
  await page.getByLabel("Résumé en français").fill(`${procedure.titleFr} : demande en ligne, traitée par le bureau compétent.`);
  await page.getByLabel("Résumé en anglais").fill(`${procedure.titleEn}: online request, handled by the competent office.`);
  await page.getByLabel("Qui peut demander (français)").fill("Toute personne majeure.");
  await page.getByLabel("Qui peut demander (anglais)").fill("Any adult.");
  await page.getByLabel("Catégorie").selectOption({ label: procedure.category ?? "Justice et nationalité" });
  await page.getByLabel("Administration responsable").selectOption({ label: procedure.agency });
  await page.getByLabel("Frais (FCFA)").fill(procedure.feeXof ?? "1000");
  await page.getByLabel("Délai cible (jours)").fill(procedure.delayDays ?? "10");
  await page.getByRole("radio", { name: procedure.delivery ?? "Retrait au bureau" }).check();
  if (procedure.keywords) await page.getByLabel("Mots-clés").fill(procedure.keywords);
  await Promise.all([page.waitForLoadState("load"), page.getByRole("button", { name: "Créer la démarche" }).click()]);
  await expect(page.getByRole("heading", { level: 1, name: procedure.titleFr })).toBeVisible();
  const path = new URL(page.url()).pathname;
  expect(path).toMatch(/^\/admin\/demarches\/\d+$/);
  return path;
}
