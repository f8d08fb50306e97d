import { ChartFrame, FONT, Legend, SERIES_STYLES, useSeriesFill } from "./ChartFrame";
import { wrapText } from "./scale";

export interface BarGroup {
  label: string;
  /** One value per series, in the order of `series`. */
  values: readonly number[];
}

const WIDTH = 360;
const BAR = 18;
const GAP = 4;
const LINE = 17;
// Room right of the longest bar for its value ("12 345 décidés").
const VALUE_ROOM = 110;
// Characters of a label line at 14 px in 360 units.
const LABEL_CHARS = 44;

/**
 * Horizontal bars, one group per row (its label above its bars, so that long procedure names fit
 * at 360 px): each series is a bar with its value written after it in words, so neither colour
 * nor the legend is needed to read it.
 */
export function HorizontalBarChart({
  title,
  description,
  series,
  groups,
  valueText,
}: {
  title: string;
  description: string;
  /** Series names (legend). */
  series: readonly string[];
  groups: readonly BarGroup[];
  /** The text written after a bar, e.g. "12 reçus". */
  valueText: (seriesIndex: number, value: number) => string;
}) {
  const max = Math.max(1, ...groups.flatMap((g) => g.values));
  const scale = (WIDTH - VALUE_ROOM) / max;
  let y = 34;
  const rows = groups.map((group) => {
    const lines = wrapText(group.label, LABEL_CHARS);
    const top = y;
    y += lines.length * LINE + 4 + series.length * (BAR + GAP) + 12;
    return { group, lines, top };
  });
  return (
    <ChartFrame title={title} description={description} width={WIDTH} height={Math.max(y, 60)}>
      <Legend labels={series} kind="bar" />
      {rows.map(({ group, lines, top }) => (
        <g key={group.label}>
          <text x={0} y={top + FONT} fontWeight="bold">
            {lines.map((line, index) => (
              <tspan key={index} x={0} dy={index === 0 ? 0 : LINE}>
                {line}
              </tspan>
            ))}
          </text>
          {group.values.map((value, index) => (
            <Bar
              key={index}
              seriesIndex={index}
              y={top + lines.length * LINE + 4 + index * (BAR + GAP)}
              width={value * scale}
              text={valueText(index, value)}
            />
          ))}
        </g>
      ))}
    </ChartFrame>
  );
}

function Bar({ seriesIndex, y, width, text }: { seriesIndex: number; y: number; width: number; text: string }) {
  const fill = useSeriesFill(seriesIndex);
  const style = SERIES_STYLES[seriesIndex % SERIES_STYLES.length]!;
  // A zero still shows a hairline so the row is not mistaken for a missing bar.
  const drawn = Math.max(width, 1);
  return (
    <g>
      <rect x={0} y={y} width={drawn} height={BAR} fill={fill} stroke={style.colour} strokeWidth={1} />
      <text x={drawn + 6} y={y + BAR - 4} fontSize={13}>
        {text}
      </text>
    </g>
  );
}
