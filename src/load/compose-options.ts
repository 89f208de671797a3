import { isScalar, visit, YAMLParseError, type Document } from 'yaml';
import { kubernetesTags, kustomizeTags, type ScalarTyping } from './yaml-schema.js';

/** How every document is composed: kubectl's (or kustomize's) scalar typing, merge keys; duplicate keys are found by addDuplicateKeyErrors. */
export function composeOptions(typing: ScalarTyping = 'kubectl') {
  return {
    prettyErrors: false,
    merge: true,
    schema: 'core',
    customTags: typing === 'kustomize' ? kustomizeTags : kubernetesTags,
    uniqueKeys: false, // the yaml package's check compares each key with every earlier one: seconds for a map of 10 000 keys
    strict: true,
  } as const;
}

/** Where the first of a duplicated key stands, by the error that reports a later one: the message names its line. */
export const firstKeyOf = new WeakMap<YAMLParseError, number>();

/**
 * The yaml package's duplicate-key errors (uniqueKeys: true), found in one pass instead of its
 * quadratic one: keys are equal when they are the same scalar value, as the yaml package compares them.
 */
export function addDuplicateKeyErrors(doc: Document.Parsed): void {
  const found: YAMLParseError[] = [];
  visit(doc, {
    Map(_, map) {
      const seen = new Map<unknown, number>();
      for (const { key } of map.items) {
        if (!isScalar(key) || !key.range || Number.isNaN(key.value)) continue; // NaN !== NaN: never a duplicate to the yaml package
        const first = seen.get(key.value);
        if (first === undefined) {
          seen.set(key.value, key.range[0]);
          continue;
        }
        const error = new YAMLParseError([key.range[0], key.range[0] + 1], 'DUPLICATE_KEY', 'Map keys must be unique');
        firstKeyOf.set(error, first);
        found.push(error);
      }
    },
  });
  if (found.length === 0) return;
  doc.errors.push(...found);
  doc.errors.sort((a, b) => a.pos[0] - b.pos[0]);
}

/**
 * Composes with Error.stackTraceLimit at 0: the yaml package makes an Error object for every
 * problem it meets, and on a badly broken file (40 000 of them in 100 KB) capturing their stacks
 * is most of the time spent. Nothing reads those stacks; the documents come back as a list.
 */
export function composeWithoutStacks<T>(compose: () => Iterable<T>): T[] {
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    return [...compose()];
  } finally {
    Error.stackTraceLimit = limit;
  }
}
