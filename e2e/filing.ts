import type { Page } from "@playwright/test";
import { clickAndWait, expect } from "./fixtures";

/** A tiny but real PDF (recognised by content), and a program renamed .pdf. */
export const PDF = { name: "piece.pdf", mimeType: "application/pdf", buffer: Buffer.from("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n") };
export const FAKE_PDF = { name: "facture.pdf", mimeType: "application/pdf", buffer: Buffer.from("MZ\x90\x00\x03\x00\x00\x00 this is a program") };

/** Files a birth certificate request through the form, for oneself, and returns its reference. */
export async function fileBirthCertificateRequest(page: Page): Promise<string> {
  await page.goto("/demarches/copie-acte-naissance/commencer");
  await clickAndWait(page, "Commencer ma demande");
  await page.getByRole("radio", { name: "Pour moi-même" }).check();
  await clickAndWait(page, "Continuer");
  await page.getByRole("radio", { name: "Copie intégrale" }).check();
  await page.getByRole("radio", { name: "Moi-même" }).check();
  await page.getByLabel("Centre d'état civil où la naissance a été déclarée").fill("Mairie de Golfe 1");
  await page.getByLabel("Année d'enregistrement").fill("1990");
  await page.getByLabel("Nombre de copies").fill("1");
  await clickAndWait(page, "Continuer");
  await page.getByLabel("Nom", { exact: true }).fill("Mensah");
  await page.getByLabel("Prénoms").fill("Afi");
  await page.getByLabel("Date de naissance").fill("1990-05-12");
  await page.getByLabel("Lieu de naissance").fill("Lomé");
  await clickAndWait(page, "Continuer");
  await page.getByLabel("Votre pièce d'identité").setInputFiles(PDF);
  await clickAndWait(page, "Continuer");
  await page.getByLabel("Téléphone mobile").fill("+228 90 12 34 56");
  await clickAndWait(page, "Continuer");
  await page.getByRole("checkbox", { name: /J'atteste sur l'honneur/ }).check();
  await clickAndWait(page, "Continuer");
  await page.getByRole("radio", { name: "Maritime" }).check();
  await clickAndWait(page, "Continuer");
  await clickAndWait(page, "Envoyer ma demande");
  await expect(page).toHaveURL(/\/confirmation/);
  const reference = /dossiers\/(TG-\d{4}-[0-9A-Z]{4}-[0-9A-Z]{4})/.exec(page.url())?.[1];
  expect(reference).toBeTruthy();
  return reference!;
}
