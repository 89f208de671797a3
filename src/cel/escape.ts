/**
 * Property names as CEL identifiers (k8s.io/apiserver/pkg/cel/escaping.go): CEL reserved words
 * become __word__, and "__", ".", "-", "/" become __underscores__, __dot__, __dash__, __slash__.
 * A name that cannot be escaped (starts with a digit, other characters) is invisible to rules.
 */
const RESERVED = new Set(['true', 'false', 'null', 'in', 'as', 'break', 'const', 'continue', 'else', 'for', 'function', 'if', 'import', 'let', 'loop', 'package', 'namespace', 'return', 'var', 'void', 'while']);

const ESCAPES: Record<string, string> = { __: '__underscores__', '.': '__dot__', '-': '__dash__', '/': '__slash__' };

export function escapeName(name: string): string | undefined {
  if (name === '' || (name[0]! >= '0' && name[0]! <= '9')) return undefined;
  if (RESERVED.has(name)) return `__${name}__`;
  if (!/^[a-zA-Z0-9_.\-/]+$/.test(name)) return undefined;
  return name.replace(/__|[.\-/]/g, (m) => ESCAPES[m]!);
}
