// Summary statistics for samples. Percentiles use the nearest-rank method, so every figure reported
// is a value that was actually measured, never an interpolation between two runs.

export function percentile(samples: readonly number[], p: number): number | null {
  if (samples.length === 0) return null;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]!;
}

export const median = (samples: readonly number[]) => percentile(samples, 50);

export function mean(samples: readonly number[]): number | null {
  if (samples.length === 0) return null;
  return samples.reduce((sum, value) => sum + value, 0) / samples.length;
}

export function min(samples: readonly number[]): number | null {
  return samples.length === 0 ? null : Math.min(...samples);
}
