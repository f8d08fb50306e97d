import { createHash } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { ActionFunctionArgs, ServerBuild } from "@remix-run/node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "../../db/client";
import { createCase, createProcedure } from "../../db/seed/case-factories";
import { createCitizen, createSiteWithOffice } from "../../db/seed/factories";
import { createTestDatabase } from "../../db/testing";
import { createApp } from "../../server/app";
import { createLogger } from "../../server/logging";
import * as piecesRoute from "~/routes/pieces.$id";
import { setDatabaseHandle } from "~/utils/db.server";
import { createSession, sessionCookieName } from "~/utils/session.server";
import { LocalFileStorage, setFileStorage } from "./storage";
import { attachToCase, isRequestTooLarge, parseUploadForm } from "./uploads.server";

/**
 * Uploads and downloads through the real Express server (body streaming, security headers, origin
 * check) with a one-route-per-URL server build: a test form action and the real /pieces/:id.
 */
const MB = 1024 * 1024;
const JPEG = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(300 * 1024, 3)]);
const limits = { photo: { maxBytes: 2 * MB, accept: ["image/jpeg", "image/png"] } };

let handle: DatabaseHandle;
let dir: string;
let server: Server;
let origin: string;
let caseId: string;
let ownerId: string;
let ownerToken: string;

const uploadRoute = {
  async action({ request }: ActionFunctionArgs) {
    try {
      const { values, files, rejections } = await parseUploadForm(request, limits, { maxTotalBytes: 8 * MB });
      const attached = await attachToCase(handle.db, { caseId, ownerId, files, replaceFields: true });
      return Response.json({ values, files: files.map((f) => ({ ...f, storageKey: undefined })), rejections, ids: attached.map((a) => a.id) });
    } catch (error) {
      if (isRequestTooLarge(error)) return new Response("too large", { status: 413 });
      throw error;
    }
  },
};

function build(): ServerBuild {
  return {
    mode: "production",
    entry: { module: { default: () => new Response("no documents here", { status: 500 }) } },
    routes: {
      root: { id: "root", path: "", module: {} },
      "routes/televersement": { id: "routes/televersement", parentId: "root", path: "televersement", module: uploadRoute },
      "routes/pieces.$id": { id: "routes/pieces.$id", parentId: "root", path: "pieces/:id", module: piecesRoute },
    },
    assets: { entry: { imports: [], module: "" }, routes: {}, url: "", version: "test" },
    publicPath: "/",
    assetsBuildDirectory: "build/client",
    future: { v3_fetcherPersist: true, v3_relativeSplatPath: true, v3_throwAbortReason: true, v3_lazyRouteDiscovery: true, v3_singleFetch: true, v3_routeConfig: false },
    isSpaMode: false,
  } as unknown as ServerBuild;
}

beforeAll(async () => {
  handle = await createTestDatabase();
  setDatabaseHandle(handle);
  dir = await mkdtemp(join(tmpdir(), "guichet-http-uploads-"));
  setFileStorage(new LocalFileStorage(dir));
  const { user } = await createCitizen(handle.db);
  ownerId = user.id;
  ownerToken = (await createSession(handle.db, user.id)).token;
  const { agency } = await createSiteWithOffice(handle.db);
  const { procedure, version } = await createProcedure(handle.db, { agencyId: agency.id });
  caseId = (await createCase(handle.db, { procedure, versionId: version.id, applicantId: user.id, status: "draft" })).id;
  const app = createApp({ mode: "production", build: build(), getDb: async () => handle.db, logger: createLogger({ level: "error", write: () => {} }) });
  server = app.listen(0, "127.0.0.1");
  await new Promise((r) => server.once("listening", r));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise((r) => server?.close(r));
  await handle?.close();
  await rm(dir, { recursive: true, force: true });
});

function send(form: FormData) {
  return fetch(`${origin}/televersement`, { method: "POST", body: form, headers: { Origin: origin, Cookie: `${sessionCookieName()}=${ownerToken}` } });
}

describe("uploads over HTTP", () => {
  it("a photo posted as multipart is stored and downloads back identical, as an attachment with nosniff", async () => {
    const form = new FormData();
    form.append("nom", "Ama");
    form.append("photo", new Blob([new Uint8Array(JPEG)], { type: "application/pdf" }), "Ma photo.png");
    const response = await send(form);
    expect(response.status).toBe(200);
    const body = (await response.json()) as { values: unknown; files: { filename: string; mimeType: string; sha256: string }[]; ids: string[] };
    expect(body.values).toEqual({ nom: "Ama" });
    expect(body.files).toMatchObject([{ filename: "Ma photo.jpg", mimeType: "image/jpeg", sha256: createHash("sha256").update(JPEG).digest("hex") }]);

    const download = await fetch(`${origin}/pieces/${body.ids[0]}`, { headers: { Cookie: `${sessionCookieName()}=${ownerToken}` } });
    expect(download.status).toBe(200);
    expect(download.headers.get("content-type")).toBe("image/jpeg");
    expect(download.headers.get("content-disposition")).toBe(`attachment; filename="Ma photo.jpg"; filename*=UTF-8''Ma%20photo.jpg`);
    expect(download.headers.get("x-content-type-options")).toBe("nosniff"); // once: issue 11 item 17
    expect(download.headers.get("cache-control")).toBe("private, no-store");
    expect(Buffer.from(await download.arrayBuffer())).toEqual(JPEG);

    const anonymous = await fetch(`${origin}/pieces/${body.ids[0]}`, { redirect: "manual" });
    expect(anonymous.status).toBe(302);
  });

  it("a photo over its limit is rejected and the text fields arrive", async () => {
    const form = new FormData();
    form.append("photo", new Blob([new Uint8Array(Buffer.concat([JPEG, Buffer.alloc(3 * MB)]))]), "grande.jpg");
    form.append("nom", "Ama");
    const body = (await (await send(form)).json()) as { values: unknown; rejections: unknown };
    expect(body).toMatchObject({ values: { nom: "Ama" }, rejections: [{ field: "photo", filename: "grande.jpg", code: "too_large" }] });
  });

  it("a request over the total cap is answered 413", async () => {
    const form = new FormData();
    form.append("photo", new Blob([new Uint8Array(Buffer.concat([JPEG, Buffer.alloc(9 * MB)]))]), "enorme.jpg");
    const response = await send(form);
    expect(response.status).toBe(413);
  });

  it("over the cap without a Content-Length (chunked): still a 413 answer, not a reset connection", async () => {
    const form = new FormData();
    form.append("nom", "Ama");
    form.append("photo", new Blob([new Uint8Array(Buffer.concat([JPEG, Buffer.alloc(9 * MB)]))]), "enorme.jpg");
    const encoded = new Response(form);
    const source = encoded.body!;
    const response = await fetch(`${origin}/televersement`, {
      method: "POST",
      body: source,
      duplex: "half",
      headers: { Origin: origin, "Content-Type": encoded.headers.get("Content-Type")!, Cookie: `${sessionCookieName()}=${ownerToken}` },
    } as RequestInit);
    expect(response.status).toBe(413);
  });
});
