import { createRequestHandler, type ServerBuild } from "@remix-run/node";
import { describe, expect, it } from "vitest";
import * as entry from "./entry.server";

/**
 * The server's HTML, byte for byte, for a page whose fields hold long accented values: React
 * 18.3.1's stream wrote stray NUL bytes where a multi-byte character met a 2048-byte boundary
 * (react issue 31134), and a browser turned them into « Am�éyo » in the field, saved on the next post.
 */
const ACCENTED = "Éloïse Améyo ".repeat(5).trim();
const LONG = "K" + "X".repeat(39);

function Page() {
  // Enough fields and padding that many accented characters straddle a 2048-byte boundary.
  const values = Array.from({ length: 60 }, (_, i) => `${i % 2 ? LONG : ACCENTED} ${"é".repeat(i)}`);
  return (
    <html lang="fr">
      <body>
        <form method="post">
          {values.map((value, i) => (
            <input key={i} name={`champ${i}`} defaultValue={value} aria-label={`Champ ${i}`} />
          ))}
        </form>
      </body>
    </html>
  );
}

function build(): ServerBuild {
  return {
    mode: "production",
    entry: { module: entry },
    routes: { root: { id: "root", path: "", module: { default: Page } } },
    assets: {
      entry: { imports: [], module: "/entry.client.js" },
      routes: { root: { id: "root", path: "", module: "/root.js", hasAction: false, hasLoader: false, hasClientAction: false, hasClientLoader: false, hasErrorBoundary: false } },
      url: "/manifest.js",
      version: "test",
    },
    publicPath: "/",
    assetsBuildDirectory: "build/client",
    future: { v3_fetcherPersist: true, v3_relativeSplatPath: true, v3_throwAbortReason: true, v3_lazyRouteDiscovery: true, v3_singleFetch: true, v3_routeConfig: false },
    isSpaMode: false,
  } as unknown as ServerBuild;
}

describe("server-rendered HTML", () => {
  it.each([
    ["a browser (streamed)", "Mozilla/5.0 (X11; Linux x86_64) Chrome/130.0"],
    ["a bot (whole document)", "Googlebot/2.1"],
  ])("holds no NUL byte and no replacement character for %s, and the typed values round-trip", async (_, userAgent) => {
    const handler = createRequestHandler(build());
    const response = await handler(new Request("http://localhost/", { headers: { "User-Agent": userAgent } }), {
      cspNonce: "nonce",
      requestId: "test",
      ip: "127.0.0.1",
    });
    expect(response.status).toBe(200);
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect(bytes.length).toBeGreaterThan(4 * 2048);
    expect(bytes.indexOf(0)).toBe(-1);
    const html = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    expect(html).not.toContain("\uFFFD");
    const values = [...html.matchAll(/value="([^"]*)"/g)].map((m) => m[1]);
    expect(values).toHaveLength(60);
    values.forEach((value, i) => expect(value).toBe(`${i % 2 ? LONG : ACCENTED} ${"é".repeat(i)}`));
  });
});
