// Small statistics and result helpers shared by the benchmark parts.

/** One measured figure with its target. */
export interface Figure {
  /** Stable key, e.g. `bundle.extension.raw`. */
  key: string;
  label: string;
  value: number;
  unit: string;
  /** Upper bound; undefined for informative figures. */
  target?: number;
  /** Extra detail printed next to the figure. */
  note?: string;
}

/** A figure's verdict: PASS/MISS against its target, `info` without one. */
export function verdict(f: Figure): 'PASS' | 'MISS' | 'info' | 'n/a' {
  if (f.target === undefined) return 'info';
  if (Number.isNaN(f.value)) return 'n/a';
  return f.value <= f.target ? 'PASS' : 'MISS';
}

/** The median (mean of the middle two for an even count). */
export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

/** The q-quantile (0..1) by nearest rank. */
export function quantile(values: readonly number[], q: number): number {
  if (values.length === 0) return Number.NaN;
  const s = [...values].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil(q * s.length) - 1))];
}

/** Rounds for display and JSON. */
export function round(v: number, digits = 3): number {
  const f = 10 ** digits;
  return Math.round(v * f) / f;
}

/** Milliseconds since an arbitrary origin, sub-millisecond. */
export function nowMs(): number {
  return Number(process.hrtime.bigint()) / 1e6;
}
