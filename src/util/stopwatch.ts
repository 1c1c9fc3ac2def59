/** Milliseconds per named step: `lap(name)` adds the time since the previous lap (or the start) to `timings[name]`. */
export function stopwatch(timings: Record<string, number> = {}): { timings: Record<string, number>; lap: (step: string) => void } {
  let t0 = performance.now();
  const lap = (step: string) => {
    const t = performance.now();
    timings[step] = (timings[step] ?? 0) + Math.round(t - t0);
    t0 = t;
  };
  return { timings, lap };
}
