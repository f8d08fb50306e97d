import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { HorizontalBarChart } from "./HorizontalBarChart";
import { TimeSeriesChart } from "./TimeSeriesChart";

/** The accessible name and description of the chart's <svg role="img">. */
function accessibleParts(html: string) {
  const svg = /<svg([^>]*)>/.exec(html)![1]!;
  const attr = (name: string) => new RegExp(`${name}="([^"]*)"`).exec(svg)?.[1];
  const byId = (id: string | undefined, tag: string) => new RegExp(`<${tag} id="${id}">([^<]*)</${tag}>`).exec(html)?.[1];
  return { role: attr("role"), viewBox: attr("viewBox"), width: attr("width"), name: byId(attr("aria-labelledby"), "title"), description: byId(attr("aria-describedby"), "desc") };
}

describe("SVG charts", () => {
  it("draws bars named by their title and described, each value written after its bar", () => {
    const html = renderToStaticMarkup(
      <HorizontalBarChart
        title="Reçus et décidés"
        description="Barres par démarche"
        series={["Reçus", "Décidés"]}
        groups={[
          { label: "Extrait de casier judiciaire (bulletin n° 3)", values: [12, 0] },
          { label: "Certificat", values: [3, 2] },
        ]}
        valueText={(index, value) => `${value} ${index === 0 ? "reçus" : "décidés"}`}
      />,
    );
    expect(accessibleParts(html)).toEqual({ role: "img", viewBox: expect.stringMatching(/^0 0 360 \d+$/), width: "100%", name: "Reçus et décidés", description: "Barres par démarche" });
    for (const text of ["12 reçus", "0 décidés", "3 reçus", "2 décidés", "Extrait de casier judiciaire (bulletin n°", "Certificat"]) expect(html).toContain(text);
    // The second series is hatched (a pattern), not only another colour.
    expect(html).toMatch(/fill="url\(#[^)]+-hatch\)"/);
  });

  it("draws one line per series with distinct dashes and markers, from zero", () => {
    const html = renderToStaticMarkup(
      <TimeSeriesChart
        title="Par semaine"
        description="Courbes"
        series={["Reçus", "Décidés"]}
        points={[
          { label: "25/08", values: [1, 0] },
          { label: "01/09", values: [37, 12] },
          { label: "08/09", values: [5, 40] },
        ]}
        formatNumber={String}
      />,
    );
    expect(accessibleParts(html)).toMatchObject({ role: "img", name: "Par semaine", description: "Courbes", width: "100%" });
    expect(html.match(/<path /g)).toHaveLength(2);
    expect(html).toContain('stroke-dasharray="6 4"');
    expect(html.match(/<circle /g)!.length).toBeGreaterThanOrEqual(3);
    for (const tick of [">0<", ">10<", ">40<", ">25/08<", ">08/09<"]) expect(html).toContain(tick);
  });
});
