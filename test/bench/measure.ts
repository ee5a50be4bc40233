// Small timing helpers shared by the benches.
export type BenchRow = { name: string; ms: number; target?: number; note?: string };

export const timeSync = <T>(fn: () => T): { ms: number; value: T } => {
  const started = performance.now();
  const value = fn();
  return { ms: performance.now() - started, value };
};

export const timeAsync = async <T>(fn: () => Promise<T>): Promise<{ ms: number; value: T }> => {
  const started = performance.now();
  const value = await fn();
  return { ms: performance.now() - started, value };
};

export const percentile = (samples: readonly number[], p: number): number => {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((sorted.length - 1) * p))] ?? Number.NaN;
};

// Runs fn `warmup` times unmeasured, then `runs` times; reports the median and p95.
export const sampleAsync = async (fn: () => Promise<unknown>, runs = 20, warmup = 3): Promise<{ median: number; p95: number }> => {
  for (let i = 0; i < warmup; i += 1) await fn();
  const samples: number[] = [];
  for (let i = 0; i < runs; i += 1) samples.push((await timeAsync(fn)).ms);
  return { median: percentile(samples, 0.5), p95: percentile(samples, 0.95) };
};
