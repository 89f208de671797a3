/**
 * YAML parser messages that quote the source: an escape sequence, a block scalar header, a tag
 * or an alias name. In a Secret (or a kustomization or patch that may hold Secret values) the
 * quoted text can be part of a secret: a password that starts with `!` is read as a tag, one
 * with a backslash in double quotes as an escape. There the quote becomes `<redacted>`; the
 * position still says where the problem is. See core/redact.ts.
 */
import { isMap, isScalar, type Document } from 'yaml';
import { REDACTED } from '../core/index.js';

/** Every message of the yaml package (2.x) that embeds source text, with the part to keep. */
const QUOTING: readonly [RegExp, string][] = [
  [/^Invalid escape sequence .*$/s, `Invalid escape sequence ${REDACTED}`],
  [/^Block scalar header includes extra characters: .*$/s, `Block scalar header includes extra characters: ${REDACTED}`],
  [/^Unresolved tag: .*$/s, `Unresolved tag: ${REDACTED}`],
  [/^Could not resolve tag: .*$/s, `Could not resolve tag: ${REDACTED}`],
  [/^Not a valid tag: .*$/s, `Not a valid tag: ${REDACTED}`],
  [/^The .* tag has no suffix$/s, `The ${REDACTED} tag has no suffix`],
  [/^Verbatim tags aren't resolved, so .* is invalid\.?$/s, `Verbatim tags aren't resolved, so ${REDACTED} is invalid.`],
  [/^\S+ used for (\S+) collection, but expects (.*)$/s, `${REDACTED} used for $1 collection, but expects $2`],
  [/^Unresolved alias \(the anchor must be set before the alias\): .*$/s, `Unresolved alias (the anchor must be set before the alias): ${REDACTED}`],
  [/^Ordered maps must not include duplicate keys: .*$/s, `Ordered maps must not include duplicate keys: ${REDACTED}`],
  [/^Unresolved plain scalar .*$/s, `Unresolved plain scalar ${REDACTED}`],
];

/** A parser message with any quoted source text replaced by `<redacted>`. */
export function redactSyntaxMessage(message: string): string {
  for (const [pattern, replacement] of QUOTING) if (pattern.test(message)) return message.replace(pattern, replacement);
  return message;
}

/**
 * Whether a parsed document (possibly broken) is or holds a Secret: its `kind`, or a `kind:
 * Secret` anywhere in its text (a List's items, a document broken before its kind).
 */
export function isSecretDocument(doc: Document.Parsed, text: string): boolean {
  const root = doc.contents;
  if (isMap(root)) {
    const kind = root.items.find((p) => isScalar(p.key) && p.key.value === 'kind');
    if (kind && isScalar(kind.value) && kind.value.value === 'Secret') return true;
  }
  const [start, , end] = doc.range;
  return /\bkind["']?[ \t]*:[ \t]*["']?Secret\b/.test(text.slice(start, end));
}

/**
 * Whether a kustomization, patch or replacement file may hold Secret values: it mentions
 * Secret, a secretGenerator, or data or stringData fields.
 */
export function mayHoldSecrets(text: string): boolean {
  return /\bSecret\b|secretGenerator|\bstringData\b|\bdata\b/.test(text);
}
