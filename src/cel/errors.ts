/**
 * Evaluation errors in cel-go's words. Library functions throw celError; errors cel-js raises
 * itself are reworded by runtimeMessage, so a rule's failure reads as the API server reports it.
 */
export class CelRuntimeError extends Error {
  override readonly name = 'CelRuntimeError';
}

export const celError = (message: string) => new CelRuntimeError(message);

/** cel-js's wording -> cel-go's (types/err.go and the interpreter's messages). */
const REWORDS: [RegExp, (m: RegExpExecArray) => string][] = [
  [/^No such key: index out of bounds, index (-?\d+) >= size \d+/, (m) => `index out of bounds: ${m[1]}`],
  [/^No such key: (.*)$/, (m) => `no such key: ${m[1]}`],
  [/^integer overflow.*$/, () => 'integer overflow'],
  [/^(no such overload|found no matching overload).*$/, () => 'no such overload'],
  [/^Optional value is not present$/, () => 'optional.none() dereference'],
];

/** The first line of an error thrown while evaluating, as cel-go would word it. */
export function runtimeMessage(err: unknown): string {
  const text = err instanceof Error ? ((err as { summary?: string }).summary ?? err.message) : String(err);
  const line = text.split('\n')[0]!.trim();
  for (const [re, word] of REWORDS) {
    const m = re.exec(line);
    if (m) return word(m);
  }
  return line;
}
