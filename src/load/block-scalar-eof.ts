import { isScalar, visit, type Document } from 'yaml';

/**
 * A block scalar (`|`, `>`, with any chomping) that runs to the end of a file without a final
 * newline has no line break to keep: YAML's clip and keep preserve the final line break only
 * when there is one. The yaml package adds one anyway; go-yaml (kustomize, kubectl) does not,
 * so kustomize writes such a value as `|-`. Strips that invented `\n` in place.
 */
export function dropInventedFinalNewline(doc: Document.Parsed, text: string): void {
  if (text === '' || text.endsWith('\n') || text.endsWith('\r')) return;
  visit(doc, {
    Scalar(_key, node) {
      if (!isScalar(node) || (node.type !== 'BLOCK_LITERAL' && node.type !== 'BLOCK_FOLDED')) return;
      if (node.range?.[1] !== text.length || typeof node.value !== 'string' || !node.value.endsWith('\n')) return;
      node.value = node.value.slice(0, -1);
    },
  });
}
