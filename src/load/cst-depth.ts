/**
 * Nesting depth of a document, measured on the parser's concrete syntax tree before the
 * yaml package composes it. Composing recurses once per level, and V8 may die outright
 * (a fatal out-of-memory in its regexp compiler) when that recursion nears the stack
 * limit, so deep documents must be refused before composing, with an explicit stack here.
 */
import type { CST } from 'yaml';

/**
 * Scalars longer than the API server would ever accept (it refuses request bodies over 3 MiB)
 * are refused before composing too: the yaml package builds a double-quoted scalar one
 * character at a time, and a 27 MB one took 5 s, most of it in the garbage collector.
 */
export const MAX_SCALAR_CHARS = 4 * 1024 * 1024;

export interface Refused {
  token: CST.Token;
  /** Nested deeper than the limit, or a scalar longer than MAX_SCALAR_CHARS. */
  why: 'depth' | 'scalar';
}

/** The first token nested deeper than `max` or too long to compose, or undefined: one walk for both. */
export function refusedToken(document: CST.Document, max: number, maxScalar = MAX_SCALAR_CHARS): Refused | undefined {
  const stack: [CST.Token | null | undefined, number][] = [[document.value, 0]];
  while (stack.length > 0) {
    const [token, depth] = stack.pop()!;
    if (!token) continue;
    if (token.type === 'block-map' || token.type === 'block-seq' || token.type === 'flow-collection') {
      if (depth > max) return { token, why: 'depth' };
      for (const item of token.items) {
        const { key, value } = item as { key?: CST.Token | null; value?: CST.Token };
        if (key) stack.push([key, depth + 1]);
        stack.push([value, depth + 1]);
      }
    } else if ('source' in token && typeof token.source === 'string' && token.source.length > maxScalar) {
      return { token, why: 'scalar' };
    }
  }
  return undefined;
}

/**
 * The parser's tokens, as long as the parser can make them: it recurses once per level of
 * block nesting, so a few thousand levels exhaust the stack before any token reaches the depth
 * check above. Then `overflow` is called and the tokens end (the documents before are kept).
 */
export function* untilStackOverflow<T>(tokens: Iterable<T>, overflow: () => void): Generator<T> {
  try {
    yield* tokens;
  } catch (err) {
    // String.includes, not a regular expression: compiling one needs stack this catch may not have.
    if (!(err instanceof RangeError) || !err.message.includes('call stack')) throw err;
    overflow();
  }
}
