/** "Did you mean": the closest known name within two edits (transpositions count as one). */
export function closest(name: string, candidates: readonly string[], maxDistance = 2): string | undefined {
  let best: string | undefined;
  let bestDistance = maxDistance + 1;
  for (const candidate of candidates) {
    if (Math.abs(candidate.length - name.length) > maxDistance) continue;
    const d = distance(name.toLowerCase(), candidate.toLowerCase());
    if (d < bestDistance || (d === bestDistance && best !== undefined && candidate < best)) {
      best = candidate;
      bestDistance = d;
    }
  }
  return bestDistance <= maxDistance ? best : undefined;
}

/** The closest name when no other is as close: a name for an edit made without asking. */
export function closestUnique(name: string, candidates: readonly string[], maxDistance = 2): string | undefined {
  const best = closest(name, candidates, maxDistance);
  if (best === undefined) return undefined;
  const d = distance(name.toLowerCase(), best.toLowerCase());
  return candidates.some((c) => c !== best && distance(name.toLowerCase(), c.toLowerCase()) === d) ? undefined : best;
}

/** Optimal string alignment distance (Damerau-Levenshtein without repeated edits of a substring). */
export function distance(a: string, b: string): number {
  const rows = a.length + 1;
  const cols = b.length + 1;
  const d: number[][] = Array.from({ length: rows }, (_, i) => Array.from({ length: cols }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i < rows; i++) {
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, d[i - 2]![j - 2]! + 1);
      d[i]![j] = v;
    }
  }
  return d[a.length]![b.length]!;
}
