import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "../../db/client";
import { procedures, users } from "../../db/schema";
import { DEFAULT_DEMO_PASSWORD } from "../../db/seed/accounts";
import { seedDemo } from "../../db/seed/demo";
import { createTestDatabase } from "../../db/testing";
import { listProcedureAvailability } from "./availability.server";
import { CATALOGUE_MEMO_MS, forgetCatalogueSnapshot, searchCatalogue } from "./catalogue.server";
import { regionCookie, resolveRegion } from "./region-preference.server";

const NOW = new Date("2026-03-02T10:00:00Z");
let handle: DatabaseHandle;

beforeAll(async () => {
  handle = await createTestDatabase();
  await seedDemo(handle.db, { demoPassword: DEFAULT_DEMO_PASSWORD, now: NOW });
}, 120_000);
afterAll(async () => {
  await handle?.close();
});

const slugs = async (q: string, extra: { category?: "justice" | "business" | "civil_status" | null; locale?: "fr" | "en" } = {}) =>
  (await searchCatalogue(handle.db, { q, region: "maritime", locale: extra.locale ?? "fr", category: extra.category ?? null })).entries.map((e) => e.slug);

describe("searchCatalogue on the demo data", () => {
  it.each([
    ["acte naissance", "copie-acte-naissance"],
    ["naissance acte", "copie-acte-naissance"],
    ["Acte de NAISSANCE", "copie-acte-naissance"],
    ["naiss", "copie-acte-naissance"],
    ["casier", "extrait-casier-judiciaire"],
    ["extrait du casier judiciaire", "extrait-casier-judiciaire"],
    ["creation entreprise", "creation-entreprise"],
    ["Création d'entreprise", "creation-entreprise"],
    ["nationalité", "certificat-nationalite"],
    ["NATIONALITE", "certificat-nationalite"],
    ["birth certificate", "copie-acte-naissance"],
  ])("%j finds %s, and only what matches every word", async (q, slug) => {
    const found = await slugs(q);
    expect(found).toContain(slug);
    expect(found.length).toBeLessThanOrEqual(2);
  });

  it("a word that starts no word finds nothing", async () => {
    expect(await slugs("aissance")).toEqual([]);
    expect(await slugs("casier mariage")).toEqual([]);
    expect(await slugs("100%")).toEqual([]);
  });

  it("no search lists every published procedure, by title", async () => {
    const published = await handle.db.select({ slug: procedures.slug }).from(procedures).where(eq(procedures.status, "published"));
    const { entries } = await searchCatalogue(handle.db, { q: "", region: "maritime", locale: "fr" });
    expect(entries).toHaveLength(published.length);
    const titles = entries.map((e) => e.title);
    expect(titles).toEqual([...titles].sort((a, b) => a.localeCompare(b, "fr", { sensitivity: "base", numeric: true })));
    expect(entries[0]).toMatchObject({ slug: expect.any(String), summary: expect.any(String), agency: expect.any(String), feeXof: expect.any(Number) });
  });

  it("filters by category, alone or with a search", async () => {
    const justice = await slugs("", { category: "justice" });
    expect(justice).toEqual(expect.arrayContaining(["extrait-casier-judiciaire", "certificat-nationalite"]));
    const { entries } = await searchCatalogue(handle.db, { region: "maritime", locale: "fr", category: "justice" });
    expect(entries.every((e) => e.category === "justice")).toBe(true);
    expect(await slugs("casier", { category: "justice" })).toEqual(["extrait-casier-judiciaire"]);
    expect(await slugs("casier", { category: "business" })).toEqual([]);
  });

  it("answers in English with English titles", async () => {
    const { entries } = await searchCatalogue(handle.db, { q: "casier", region: "maritime", locale: "en" });
    const [row] = await handle.db.select({ titleEn: procedures.titleEn }).from(procedures).where(eq(procedures.slug, "extrait-casier-judiciaire"));
    expect(entries[0]?.title).toBe(row?.titleEn);
  });

  it("never lists an unpublished procedure", async () => {
    await handle.db.update(procedures).set({ status: "closed" }).where(eq(procedures.slug, "passeport"));
    forgetCatalogueSnapshot();
    try {
      expect(await slugs("passeport")).toEqual([]);
    } finally {
      await handle.db.update(procedures).set({ status: "published" }).where(eq(procedures.slug, "passeport"));
      forgetCatalogueSnapshot();
    }
    expect(await slugs("passeport")).toEqual(["passeport"]);
  });

  it("reads the database again once its snapshot is CATALOGUE_MEMO_MS old", async () => {
    const t0 = Date.now() + 60_000;
    const find = async (now: number) => (await searchCatalogue(handle.db, { q: "passeport", region: "maritime", locale: "fr" }, now)).entries.map((e) => e.slug);
    expect(await find(t0)).toEqual(["passeport"]);
    await handle.db.update(procedures).set({ status: "closed" }).where(eq(procedures.slug, "passeport"));
    try {
      expect(await find(t0 + CATALOGUE_MEMO_MS - 1)).toEqual(["passeport"]);
      expect(await find(t0 + CATALOGUE_MEMO_MS)).toEqual([]);
    } finally {
      await handle.db.update(procedures).set({ status: "published" }).where(eq(procedures.slug, "passeport"));
      forgetCatalogueSnapshot();
    }
  });

  it("gives each procedure the availability the status page gives it, region by region", async () => {
    const seen = new Set<string>();
    for (const region of ["maritime", "plateaux", "centrale", "kara", "savanes"] as const) {
      const expected = new Map((await listProcedureAvailability(handle.db, region)).map((r) => [r.slug, r.availability]));
      const { entries } = await searchCatalogue(handle.db, { region, locale: "fr" });
      for (const e of entries) {
        expect(e.availability, `${e.slug} in ${region}`).toBe(expected.get(e.slug));
        seen.add(e.availability);
      }
    }
    // The demo data has procedures online somewhere and not yet online elsewhere.
    expect(seen).toContain("available");
    expect(seen).toContain("not_online");
  });
});

describe("resolveRegion", () => {
  const request = (query = "", cookie?: string) => new Request(`http://localhost/demarches${query}`, { headers: cookie ? { Cookie: cookie } : {} });

  it("defaults to Maritime for a new visitor", async () => {
    expect(await resolveRegion(handle.db, request(), null)).toEqual({ region: "maritime", setCookie: null });
  });

  it("remembers a signed-out visitor's choice in a cookie (a year, Lax, HttpOnly)", async () => {
    const chosen = await resolveRegion(handle.db, request("?region=kara"), null);
    expect(chosen.region).toBe("kara");
    expect(chosen.setCookie).toMatch(/^region=/);
    expect(chosen.setCookie).toMatch(/Max-Age=31536000/);
    expect(chosen.setCookie).toMatch(/SameSite=Lax/);
    expect(chosen.setCookie).toMatch(/HttpOnly/);
    const cookie = chosen.setCookie!.split(";")[0]!;
    expect(await resolveRegion(handle.db, request("", cookie), null)).toEqual({ region: "kara", setCookie: null });
    expect(await resolveRegion(handle.db, request("?region=kara", cookie), null)).toEqual({ region: "kara", setCookie: null });
  });

  it("ignores a region that does not exist", async () => {
    expect((await resolveRegion(handle.db, request("?region=atlantide"), null)).region).toBe("maritime");
    expect((await resolveRegion(handle.db, request("", `region=${encodeURIComponent("bogus")}`), null)).region).toBe("maritime");
  });

  it("stores a signed-in user's choice in his profile", async () => {
    const [user] = await handle.db.select({ id: users.id, region: users.regionCode }).from(users).where(eq(users.email, "citoyen@demo.tg"));
    expect(user).toBeTruthy();
    const other = user!.region === "savanes" ? "plateaux" : "savanes";
    expect(await resolveRegion(handle.db, request(`?region=${other}`), user!.id)).toEqual({ region: other, setCookie: null });
    const [after] = await handle.db.select({ region: users.regionCode }).from(users).where(eq(users.id, user!.id));
    expect(after?.region).toBe(other);
    // Later visits, on any device: the profile wins over a stale cookie.
    expect((await resolveRegion(handle.db, request("", await regionCookie.serialize("kara")), user!.id)).region).toBe(other);
  });
});
