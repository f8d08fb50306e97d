import { demoAccount, signInAs } from "./accounts";
import { expect, test } from "./fixtures";

test.describe("security", () => {
  test("a POST from another origin is refused with 403", async ({ request, baseURL }) => {
    const foreign = await request.post("/connexion", {
      headers: { Origin: "https://hameconnage.example", "Sec-Fetch-Site": "cross-site" },
      form: { identifier: "citoyen@demo.tg", password: "x" },
      maxRedirects: 0,
    });
    expect(foreign.status()).toBe(403);
    expect(await foreign.text()).toContain("origine non autorisée");

    // The same request from the portal's own origin is processed (and answered with a form error).
    const own = await request.post("/connexion", {
      headers: { Origin: baseURL!, "Sec-Fetch-Site": "same-origin" },
      form: { identifier: "citoyen@demo.tg", password: "x" },
      maxRedirects: 0,
    });
    expect(own.status()).not.toBe(403);
  });

  test("pages carry a CSP with a nonce and the other security headers", async ({ request }) => {
    const response = await request.get("/");
    const headers = response.headers();
    const csp = headers["content-security-policy"] ?? "";
    expect(csp).toMatch(/script-src[^;]*'nonce-[A-Za-z0-9+/=_-]+'/);
    expect(csp).not.toMatch(/script-src[^;]*'unsafe-inline'/);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(headers["x-content-type-options"]).toBe("nosniff");
    expect(headers["referrer-policy"]).toBeTruthy();
    expect(headers["x-request-id"]).toBeTruthy();
  });

  test("the session cookie is HttpOnly, SameSite=Lax and Secure with the __Host- prefix", async ({ page, context }) => {
    await signInAs(page, demoAccount("citizen").identifier);
    await expect(page).toHaveURL(/\/mon-espace$/);
    const cookie = (await context.cookies()).find((c) => c.name.includes("session"));
    expect(cookie?.name).toBe("__Host-guichet_session");
    expect(cookie?.httpOnly).toBe(true);
    expect(cookie?.secure).toBe(true);
    expect(cookie?.sameSite).toBe("Lax");
  });
});
