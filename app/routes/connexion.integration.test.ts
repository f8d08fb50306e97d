import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "../../db/client";
import { createCitizen } from "../../db/seed/factories";
import { createTestDatabase } from "../../db/testing";
import { setDatabaseHandle } from "~/utils/db.server";
import { action } from "./connexion";

/** POST /connexion as a browser sends it; what matters is the Location it answers. */
let handle: DatabaseHandle;
let citizen: { email: string; password: string };
let ipCounter = 0;

beforeAll(async () => {
  handle = await createTestDatabase();
  setDatabaseHandle(handle);
  const { user, password } = await createCitizen(handle.db);
  citizen = { email: user.email!, password };
});
afterAll(() => handle?.close());

async function postSignIn(fields: Record<string, string>): Promise<Response> {
  const request = new Request("http://localhost/connexion", {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams(fields).toString(),
  });
  const answer = await action({ request, params: {}, context: { cspNonce: "n", requestId: "req", ip: `198.51.100.${++ipCounter}` } });
  if (!(answer instanceof Response)) throw new Error("expected a redirect");
  return answer;
}

describe("POST /connexion redirectTo", () => {
  it.each(["/.//evil.example", "/%2e//x", "/a/..//x", "/..//x", "/%2e%2e//x", "/mon-espace/..//x", "//evil.example", "https://evil.example/"])(
    "%j lands in the user's own space",
    async (redirectTo) => {
      const answer = await postSignIn({ identifier: citizen.email, password: citizen.password, redirectTo });
      expect(answer.status).toBe(302);
      expect(answer.headers.get("Location")).toBe("/mon-espace");
    },
  );

  it("a path of this site is followed", async () => {
    const answer = await postSignIn({ identifier: citizen.email, password: citizen.password, redirectTo: "/mon-espace/securite" });
    expect(answer.headers.get("Location")).toBe("/mon-espace/securite");
  });
});
