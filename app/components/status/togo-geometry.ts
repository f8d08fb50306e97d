import type { RegionCode } from "~/domain/constants";

/**
 * A simplified outline of Togo (longitude, latitude), clockwise from the Ghana border on the
 * coast. Recognisable, not cadastral: about thirty points.
 */
const OUTLINE: readonly (readonly [number, number])[] = [
  [1.19, 6.1], [1.4, 6.15], [1.63, 6.21], [1.8, 6.28], [1.62, 6.55], [1.58, 7.0], [1.64, 7.55], [1.62, 8.0],
  [1.63, 8.4], [1.6, 9.0], [1.45, 9.35], [1.38, 9.6], [1.36, 9.95], [1.05, 10.3], [0.9, 10.75], [0.92, 11.0],
  [0.5, 11.0], [0.0, 11.14], [-0.15, 11.13], [0.05, 10.9], [0.0, 10.6], [0.3, 10.3], [0.38, 10.0], [0.36, 9.5],
  [0.25, 9.0], [0.5, 8.6], [0.62, 8.2], [0.65, 7.8], [0.53, 7.4], [0.52, 6.95], [0.7, 6.55], [1.05, 6.25],
];

/** Regions as latitude bands (south to north), close enough to the real boundaries for the towns. */
const BANDS: readonly { code: RegionCode; from: number; to: number }[] = [
  { code: "maritime", from: 6, to: 6.65 },
  { code: "plateaux", from: 6.65, to: 8.3 },
  { code: "centrale", from: 8.3, to: 9.15 },
  { code: "kara", from: 9.15, to: 10.15 },
  { code: "savanes", from: 10.15, to: 11.3 },
];

export const MAP = { minLng: -0.3, maxLat: 11.25, scale: 80, padding: 8 } as const;
export const MAP_WIDTH = 520;
export const MAP_HEIGHT = Math.round((MAP.maxLat - 6.0) * MAP.scale + 2 * MAP.padding);

export function project(lng: number, lat: number): [number, number] {
  return [round((lng - MAP.minLng) * MAP.scale + MAP.padding), round((MAP.maxLat - lat) * MAP.scale + MAP.padding)];
}

function round(n: number): number {
  return Math.round(n * 10) / 10;
}

type Point = readonly [number, number];

/** Sutherland–Hodgman against one horizontal half-plane. */
function clip(polygon: readonly Point[], lat: number, keepAbove: boolean): Point[] {
  const inside = (p: Point) => (keepAbove ? p[1] >= lat : p[1] <= lat);
  const out: Point[] = [];
  for (let i = 0; i < polygon.length; i++) {
    const current = polygon[i]!;
    const previous = polygon[(i + polygon.length - 1) % polygon.length]!;
    const crossing = (): Point => {
      const t = (lat - previous[1]) / (current[1] - previous[1]);
      return [previous[0] + t * (current[0] - previous[0]), lat];
    };
    if (inside(current)) {
      if (!inside(previous)) out.push(crossing());
      out.push(current);
    } else if (inside(previous)) {
      out.push(crossing());
    }
  }
  return out;
}

function toPath(points: readonly Point[]): string {
  return `M${points.map(([lng, lat]) => project(lng, lat).join(" ")).join("L")}Z`;
}

export const OUTLINE_PATH = toPath(OUTLINE);

/** One SVG path per region and where to write its name. */
export const REGION_SHAPES: readonly { code: RegionCode; path: string; label: [number, number] }[] = BANDS.map((band) => {
  const points = clip(clip(OUTLINE, band.from, true), band.to, false);
  const lats = points.map((p) => p[1]);
  const midLat = (Math.min(...lats) + Math.max(...lats)) / 2;
  const row = points.filter((p) => Math.abs(p[1] - midLat) < 0.6).map((p) => p[0]);
  const midLng = row.length > 0 ? (Math.min(...row) + Math.max(...row)) / 2 : 0.8;
  return { code: band.code, path: toPath(points), label: project(midLng, midLat) };
});
