/** helper.DefaultNormalizeScore: scale to 0..100 by the highest score (integer division), reversed if asked. */
export function defaultNormalize(scores: Float64Array, reverse: boolean): void {
  let max = 0;
  for (const s of scores) if (s > max) max = s;
  for (let i = 0; i < scores.length; i++) {
    if (max === 0) scores[i] = reverse ? 100 : scores[i]!;
    else {
      const s = Math.trunc((100 * scores[i]!) / max);
      scores[i] = reverse ? 100 - s : s;
    }
  }
}
