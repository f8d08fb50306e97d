import { createContext, useContext, useId, type ReactNode } from "react";

/** Series colours: both ≥ 4.5:1 on white (text and bars), told apart by pattern and shape too. */
export const SERIES_STYLES = [
  { colour: "#1a5b9a", marker: "circle", dash: undefined, pattern: false },
  { colour: "#006a4e", marker: "square", dash: "6 4", pattern: true },
] as const;

export const TEXT_COLOUR = "#0b0c0c";
export const GRID_COLOUR = "#6f777b";
export const FONT = 14;

/**
 * An SVG chart for the page: role="img" named by its <title> and described by its <desc> (the
 * figures themselves are in the data table that follows it); it scales with its column (viewBox).
 */
export function ChartFrame({ title, description, width, height, children }: { title: string; description: string; width: number; height: number; children: ReactNode }) {
  const id = useId();
  return (
    <figure className="chart">
      <svg
        role="img"
        aria-labelledby={`${id}-title`}
        aria-describedby={`${id}-desc`}
        viewBox={`0 0 ${width} ${height}`}
        width="100%"
        fontFamily="inherit"
        fontSize={FONT}
        fill={TEXT_COLOUR}
      >
        <title id={`${id}-title`}>{title}</title>
        <desc id={`${id}-desc`}>{description}</desc>
        <defs>
          {/* White diagonal stripes: the second series is hatched, not only another colour. */}
          <pattern id={`${id}-hatch`} patternUnits="userSpaceOnUse" width="6" height="6" patternTransform="rotate(45)">
            <rect width="6" height="6" fill={SERIES_STYLES[1].colour} />
            <line x1="0" y1="0" x2="0" y2="6" stroke="#ffffff" strokeWidth="2" />
          </pattern>
        </defs>
        <HatchContext.Provider value={`url(#${id}-hatch)`}>{children}</HatchContext.Provider>
      </svg>
    </figure>
  );
}

const HatchContext = createContext("none");

/** Fill of a series: plain colour, or the hatch pattern for the second series. */
export function useSeriesFill(index: number): string {
  const hatch = useContext(HatchContext);
  const style = SERIES_STYLES[index % SERIES_STYLES.length]!;
  return style.pattern ? hatch : style.colour;
}

/** Legend swatches on one line at the top (the shapes repeat the chart's cues). */
export function Legend({ labels, kind, y = 16 }: { labels: readonly string[]; kind: "bar" | "line"; y?: number }) {
  const fills = [useSeriesFill(0), useSeriesFill(1)];
  return (
    <g>
      {labels.map((label, index) => {
        const x = index * 170;
        const style = SERIES_STYLES[index % SERIES_STYLES.length]!;
        return (
          <g key={label}>
            {kind === "bar" ? (
              <rect x={x} y={y - 12} width={16} height={14} fill={fills[index]} stroke={style.colour} />
            ) : (
              <>
                <line x1={x} y1={y - 5} x2={x + 24} y2={y - 5} stroke={style.colour} strokeWidth={2.5} strokeDasharray={style.dash} />
                <Marker kind={style.marker} x={x + 12} y={y - 5} colour={style.colour} />
              </>
            )}
            <text x={x + (kind === "bar" ? 22 : 30)} y={y}>
              {label}
            </text>
          </g>
        );
      })}
    </g>
  );
}

export function Marker({ kind, x, y, colour, size = 4.5 }: { kind: "circle" | "square"; x: number; y: number; colour: string; size?: number }) {
  return kind === "circle" ? (
    <circle cx={x} cy={y} r={size} fill={colour} />
  ) : (
    <rect x={x - size} y={y - size} width={size * 2} height={size * 2} fill={colour} />
  );
}
