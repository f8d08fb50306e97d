import type { TFunction } from "i18next";
import type { DisplayedLinkStatus } from "~/domain/constants";
import type { TownSummary } from "~/services/status-summary.server";

/** Most serious first: a town's marker takes the shape of its worst building. */
export const STATUS_ORDER: readonly DisplayedLinkStatus[] = ["down", "degraded", "unknown", "maintenance", "up", "not_connected"];

export function worstStatus(counts: Record<DisplayedLinkStatus, number>): DisplayedLinkStatus {
  return STATUS_ORDER.find((status) => counts[status] > 0) ?? "not_connected";
}

/** Colours with at least 3:1 contrast on the light map background (WCAG 1.4.11). */
export const STATUS_COLOUR: Record<DisplayedLinkStatus, string> = {
  up: "#1d7a3e",
  degraded: "#8a5a00",
  down: "#b3261e",
  maintenance: "#4845a4",
  not_connected: "#5f6661",
  unknown: "#3d4f63",
};

/** One shape per status: circle, triangle, cross, square, dashed ring, diamond (unknown: monitoring interrupted). */
export function StatusShape({ status, x, y, size }: { status: DisplayedLinkStatus; x: number; y: number; size: number }) {
  const fill = STATUS_COLOUR[status];
  switch (status) {
    case "up":
      return <circle cx={x} cy={y} r={size} fill={fill} stroke="#fff" strokeWidth={1} />;
    case "degraded":
      return <path d={`M${x} ${y - size * 1.1}L${x + size} ${y + size * 0.8}L${x - size} ${y + size * 0.8}Z`} fill={fill} stroke="#fff" strokeWidth={1} />;
    case "down": {
      const s = size * 0.9;
      return <path d={`M${x - s} ${y - s}L${x + s} ${y + s}M${x + s} ${y - s}L${x - s} ${y + s}`} stroke={fill} strokeWidth={size * 0.6} strokeLinecap="round" />;
    }
    case "maintenance":
      return <rect x={x - size * 0.85} y={y - size * 0.85} width={size * 1.7} height={size * 1.7} fill={fill} stroke="#fff" strokeWidth={1} />;
    case "not_connected":
      return <circle cx={x} cy={y} r={size * 0.85} fill="#fff" stroke={fill} strokeWidth={1.4} strokeDasharray="2 1.5" />;
    case "unknown":
      return <path d={`M${x} ${y - size}L${x + size} ${y}L${x} ${y + size}L${x - size} ${y}Z`} fill={fill} stroke="#fff" strokeWidth={1} />;
  }
}

/** "Lomé : 520 opérationnels, 12 perturbés, 10 interrompus, 1 en maintenance". */
export function townSentence(t: TFunction, town: TownSummary): string {
  const parts = STATUS_ORDER.filter((s) => town.counts[s] > 0).map((s) => t(`count.${s}`, { count: town.counts[s] }));
  return t("map.town", { town: town.name, counts: parts.join(", ") });
}
