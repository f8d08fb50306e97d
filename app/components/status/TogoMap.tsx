import { useTranslation } from "react-i18next";
import type { DisplayedLinkStatus } from "~/domain/constants";
import type { RegionSummary, TownSummary } from "~/services/status-summary.server";
import { MAP_HEIGHT, MAP_WIDTH, OUTLINE_PATH, REGION_SHAPES, project } from "./togo-geometry";
import { STATUS_ORDER, StatusShape, townSentence, worstStatus } from "./status-shapes";

const LABEL_X = 214;

/**
 * The network on a map of Togo: the five regions and one marker per town, shaped (and coloured)
 * by the worst status among its buildings, labelled with its counts per status. Read without
 * JavaScript and without colour: shapes, text labels and the legend carry the meaning; the same
 * figures are in the table beside it.
 */
export function TogoMap({ towns, regions }: { towns: readonly TownSummary[]; regions: readonly RegionSummary[] }) {
  const { t } = useTranslation("status");
  const sorted = [...towns].sort((a, b) => b.lat - a.lat);
  const step = (MAP_HEIGHT - 24) / Math.max(1, sorted.length - 1);
  const regionName = new Map(regions.map((r) => [r.code, r.name]));
  const description = sorted.map((town) => townSentence(t, town)).join(" ; ");
  return (
    <figure className="status-map">
      <svg
        viewBox={`0 0 ${MAP_WIDTH} ${MAP_HEIGHT}`}
        role="img"
        aria-labelledby="carte-titre carte-desc"
        width={MAP_WIDTH}
        height={MAP_HEIGHT}
        fontFamily="system-ui, sans-serif"
      >
        <title id="carte-titre">{t("map.title")}</title>
        <desc id="carte-desc">{description}</desc>
        {REGION_SHAPES.map((shape, index) => (
          <path key={shape.code} d={shape.path} fill={index % 2 === 0 ? "#eef4f1" : "#dde9e3"} stroke="#5c6b64" strokeWidth={0.8} />
        ))}
        <path d={OUTLINE_PATH} fill="none" stroke="#1f2d27" strokeWidth={1.5} />
        {REGION_SHAPES.map((shape) => (
          <text key={shape.code} x={shape.label[0]} y={shape.label[1]} fontSize={9} fill="#3b4a43" textAnchor="middle" fontStyle="italic">
            {regionName.get(shape.code) ?? shape.code}
          </text>
        ))}
        {sorted.map((town, index) => {
          const [x, y] = project(town.lng, town.lat);
          const labelY = 14 + index * step;
          const worst = worstStatus(town.counts);
          return (
            <g key={`${town.region}-${town.name}`}>
              <path d={`M${x} ${y}L${LABEL_X - 4} ${labelY - 3}`} stroke="#8a958f" strokeWidth={0.6} fill="none" />
              <StatusShape status={worst} x={x} y={y} size={5} />
              <text x={LABEL_X} y={labelY} fontSize={9.5} fill="#1f2d27">
                <tspan fontWeight={700}>{town.name}</tspan>
                {STATUS_ORDER.filter((s) => town.counts[s] > 0).map((status) => (
                  <tspan key={status} dx={4}>
                    {`${town.counts[status]} ${SYMBOL[status]}`}
                  </tspan>
                ))}
              </text>
            </g>
          );
        })}
      </svg>
      <figcaption>
        <p className="secondary-text">{t("map.caption")}</p>
        <ul className="status-legend list--plain" aria-label={t("map.legend")}>
          {STATUS_ORDER.map((status) => (
            <li key={status}>
              <svg width="16" height="16" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
                <StatusShape status={status} x={8} y={8} size={6} />
              </svg>{" "}
              <span aria-hidden="true">{SYMBOL[status]}</span> {t(`legend.${status}`)}
            </li>
          ))}
        </ul>
      </figcaption>
    </figure>
  );
}

/** Text symbols used in the map labels, matching the marker shapes. */
const SYMBOL: Record<DisplayedLinkStatus, string> = { up: "●", degraded: "▲", down: "✕", maintenance: "■", not_connected: "○", unknown: "◆" };
