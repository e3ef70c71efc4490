/** Prints one benchmark's figures in a form that can be pasted into bench/RESULTS.md. */
export function report(name: string, figures: Record<string, string | number>) {
  const lines = Object.entries(figures).map(([key, value]) => `  ${key}: ${value}`);
  console.log(`\n[bench] ${name}\n${lines.join('\n')}`);
}

export function percentile(sorted: readonly number[], p: number): number {
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index] ?? Number.NaN;
}
