/**
 * kube-scheduler's FitError text: `0/N nodes are available: ` then, per reason, how many
 * nodes gave it, sorted as strings (so "10 x" sorts before "2 y", as Go's sort.Strings does),
 * joined by ", " and ended with a period. The `preemption:` sentence is left out: kubeproof
 * does not preempt.
 */
export function fitError(numAllNodes: number, reasonsPerNode: Iterable<readonly string[]>, preFilterMessage?: string): string {
  let message = `0/${numAllNodes} nodes are available:`;
  if (preFilterMessage) return `${message} ${preFilterMessage}.`;
  const counts = new Map<string, number>();
  for (const reasons of reasonsPerNode) for (const r of reasons) counts.set(r, (counts.get(r) ?? 0) + 1);
  const histogram = [...counts].map(([reason, n]) => `${n} ${reason}`).sort(byteOrder);
  if (histogram.length) message += ` ${histogram.join(', ')}.`;
  return message;
}

/** Go compares strings byte by byte; JavaScript's default sort compares UTF-16 units, which differs only outside the BMP. */
function byteOrder(a: string, b: string): number {
  return Buffer.compare(Buffer.from(a), Buffer.from(b));
}
