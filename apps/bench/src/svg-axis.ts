/** A linear scale from a data interval onto pixels, with round tick values. */
export interface Scale {
  /** The data interval, widened to whole ticks. */
  readonly low: number;
  readonly high: number;
  /** The tick values, `low` to `high`. */
  readonly ticks: readonly number[];
  /** Decimals a tick label needs. */
  readonly decimals: number;
}

/**
 * A scale covering `values` (and 0) with about `count` ticks at steps of 1, 2 or 5 times a power
 * of ten, as charting libraries choose them.
 */
export function niceScale(values: readonly number[], count = 5): Scale {
  const finite = values.filter(Number.isFinite);
  let low = Math.min(0, ...finite);
  let high = Math.max(0, ...finite);
  if (high - low < 1e-12) high = low + 1;
  const rough = (high - low) / count;
  const power = 10 ** Math.floor(Math.log10(rough));
  const step = ([1, 2, 5, 10].find((m) => m * power >= rough) ?? 10) * power;
  low = Math.floor(low / step + 1e-9) * step;
  high = Math.ceil(high / step - 1e-9) * step;
  const ticks: number[] = [];
  for (let i = 0; low + i * step <= high + step * 1e-6; i++) ticks.push(low + i * step);
  return { low, high, ticks, decimals: Math.max(0, -Math.floor(Math.log10(step) + 1e-9)) };
}

/** Where `value` falls on a scale drawn from pixel `from` to pixel `to`. */
export function place(scale: Scale, value: number, from: number, to: number): number {
  return from + ((value - scale.low) / (scale.high - scale.low)) * (to - from);
}
