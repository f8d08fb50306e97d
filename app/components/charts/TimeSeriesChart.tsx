import { ChartFrame, GRID_COLOUR, Legend, Marker, SERIES_STYLES } from "./ChartFrame";
import { labelIndexes, niceMax } from "./scale";

const WIDTH = 360;
const HEIGHT = 230;
const LEFT = 36;
const RIGHT = 14;
const TOP = 34;
const BOTTOM = 34;

/**
 * Lines over time (one point per period, e.g. per week): one line per series, each with its own
 * dash and marker shape besides its colour; y axis from zero with round ticks; at most five date
 * labels on the x axis.
 */
export function TimeSeriesChart({
  title,
  description,
  series,
  points,
  formatNumber,
}: {
  title: string;
  description: string;
  series: readonly string[];
  /** x label (short date) and one value per series. */
  points: readonly { label: string; values: readonly number[] }[];
  formatNumber: (value: number) => string;
}) {
  const { top, step } = niceMax(Math.max(0, ...points.flatMap((p) => p.values)));
  const plotWidth = WIDTH - LEFT - RIGHT;
  const plotHeight = HEIGHT - TOP - BOTTOM;
  const x = (index: number) => LEFT + (points.length <= 1 ? plotWidth / 2 : (index * plotWidth) / (points.length - 1));
  const y = (value: number) => TOP + plotHeight - (value / top) * plotHeight;
  const ticks = Array.from({ length: Math.round(top / step) + 1 }, (_, i) => i * step);
  const labelled = labelIndexes(points.length, 5);
  // Markers shrink when the points get close (a year of weeks) so that they do not merge.
  const markerSize = Math.max(2, Math.min(4.5, plotWidth / Math.max(1, points.length - 1) / 3));
  return (
    <ChartFrame title={title} description={description} width={WIDTH} height={HEIGHT}>
      <Legend labels={series} kind="line" />
      {ticks.map((tick) => (
        <g key={tick}>
          <line x1={LEFT} x2={WIDTH - RIGHT} y1={y(tick)} y2={y(tick)} stroke={GRID_COLOUR} strokeWidth={tick === 0 ? 1.5 : 0.5} />
          <text x={LEFT - 6} y={y(tick) + 4} textAnchor="end" fontSize={12}>
            {formatNumber(tick)}
          </text>
        </g>
      ))}
      {points.map((point, index) =>
        labelled.has(index) ? (
          <text key={index} x={x(index)} y={HEIGHT - BOTTOM + 18} textAnchor={index === 0 ? "start" : index === points.length - 1 ? "end" : "middle"} fontSize={12}>
            {point.label}
          </text>
        ) : null,
      )}
      {series.map((name, seriesIndex) => {
        const style = SERIES_STYLES[seriesIndex % SERIES_STYLES.length]!;
        const path = points.map((point, index) => `${index === 0 ? "M" : "L"}${x(index).toFixed(1)},${y(point.values[seriesIndex] ?? 0).toFixed(1)}`).join(" ");
        return (
          <g key={name}>
            <path d={path} fill="none" stroke={style.colour} strokeWidth={2.5} strokeDasharray={style.dash} />
            {points.map((point, index) => (
              <Marker key={index} kind={style.marker} x={x(index)} y={y(point.values[seriesIndex] ?? 0)} colour={style.colour} size={markerSize} />
            ))}
          </g>
        );
      })}
    </ChartFrame>
  );
}
