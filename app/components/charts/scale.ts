/** Helpers of the SVG charts (pure). */

/** A round step (1, 2 or 5 × 10^k) giving about `ticks` intervals up to `max`. */
export function niceStep(max: number, ticks = 4): number {
  if (max <= 0) return 1;
  const raw = max / ticks;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * power).find((candidate) => candidate >= raw)!;
  return Math.max(1, step);
}

/** The axis top: the first multiple of the step at or above max (at least one step). */
export function niceMax(max: number, ticks = 4): { top: number; step: number } {
  const step = niceStep(max, ticks);
  return { top: Math.max(step, Math.ceil(max / step) * step), step };
}

/** Words wrapped into lines of at most `width` characters (a long word stays whole). */
export function wrapText(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines.length ? lines : [""];
}

/** Indexes of at most `count` evenly spread labels, the first and the last included. */
export function labelIndexes(length: number, count: number): Set<number> {
  if (length <= count) return new Set(Array.from({ length }, (_, i) => i));
  const step = Math.ceil((length - 1) / (count - 1));
  const result = new Set<number>();
  for (let i = 0; i < length; i += step) result.add(i);
  result.add(length - 1);
  // The last label must not collide with the one before it.
  const sorted = [...result].sort((a, b) => a - b);
  if (sorted.length > 1 && sorted[sorted.length - 1]! - sorted[sorted.length - 2]! < step / 2) result.delete(sorted[sorted.length - 2]!);
  return result;
}
