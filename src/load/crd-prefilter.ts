/**
 * CustomResourceDefinitions given only so that custom resources can be validated (`--crds`) are
 * read as far as the run needs: a document that is plainly a CRD for a kind no resource of the
 * run uses is blanked before parsing, so its YAML (Istio's 14 CRDs are 880 KB, half a second of
 * parsing) costs a scan of its lines, not a parse. Conservative: a document is blanked only when
 * its top-level `kind`, `spec.group` and `spec.names.kind` are found on lines of their own, each
 * once, at the indentation the block layout gives them; anything else is parsed as before.
 *
 * A blanked document keeps its line breaks and its document markers, so the other documents keep
 * their index, lines and columns, and it parses as an empty document. Offsets after it change:
 * the caller keeps the blanked text for positions (it does not read the file back).
 */

const DOCUMENT_MARKER = /^(?:---|\.\.\.)(?:[ \t]|$)/;
const KIND_CRD = /^kind:[ \t]*(["']?)CustomResourceDefinition\1[ \t]*(?:#.*)?$/;
const API_VERSION = /^apiVersion:[ \t]*(["']?)apiextensions\.k8s\.io\/v1\1[ \t]*(?:#.*)?$/;
const SPEC = /^spec:[ \t]*(?:#.*)?$/;

/** `text` with the CRD documents whose "group/Kind" is not in `needed` blanked; the same string when none is. */
export function blankUnneededCrds(text: string, needed: ReadonlySet<string>): string {
  const lines = text.split('\n');
  let changed = false;
  let start = 0;
  for (let i = 0; i <= lines.length; i++) {
    if (i < lines.length && !DOCUMENT_MARKER.test(lines[i]!)) continue;
    const id = crdIdentity(lines, start, i);
    if (id !== undefined && !needed.has(id)) {
      for (let j = start; j < i; j++) lines[j] = '';
      changed = true;
    }
    start = i + 1;
  }
  return changed ? lines.join('\n') : text;
}

/** "group/Kind" of the CRD in lines [from, to), or undefined when that is not certain. */
export function crdIdentity(lines: readonly string[], from: number, to: number): string | undefined {
  let isCrd = false;
  let isV1 = false;
  let spec: number | undefined;
  for (let i = from; i < to; i++) {
    const line = lines[i]!;
    const c = line.charCodeAt(0);
    if (!(c >= 97 && c <= 122)) continue; // only top-level keys (lower-case letters) matter here
    if (KIND_CRD.test(line)) isCrd = true;
    else if (API_VERSION.test(line)) isV1 = true;
    else if (SPEC.test(line)) {
      if (spec !== undefined) return undefined;
      spec = i;
    }
  }
  if (!isCrd || !isV1 || spec === undefined) return undefined;
  const specKeys = keyLines(lines, spec, to);
  if (!specKeys) return undefined;
  const group = onlyScalar(lines, specKeys, 'group');
  const names = onlyBlockKey(lines, specKeys, 'names');
  if (group === undefined || names === undefined) return undefined;
  const next = specKeys.lines.find((l) => l > names) ?? specKeys.end;
  const nameKeys = keyLines(lines, names, next);
  const kind = nameKeys && onlyScalar(lines, nameKeys, 'kind');
  return kind === undefined ? undefined : `${group}/${kind}`;
}

interface KeyLines {
  /** Lines at the block's own indentation: its keys. */
  lines: number[];
  indent: number;
  end: number;
}

/** The key lines of the block under the key on line `key` (which is at `keyIndent`), up to `limit`. */
function keyLines(lines: readonly string[], key: number, limit: number): KeyLines | undefined {
  const keyIndent = indentOf(lines[key]!);
  let indent = -1;
  const out: number[] = [];
  for (let i = key + 1; i < limit; i++) {
    const line = lines[i]!;
    const n = indentOf(line);
    if (n === line.length || line.charCodeAt(n) === 35) continue; // blank, or a comment
    if (n <= keyIndent) return indent < 0 ? undefined : { lines: out, indent, end: i };
    if (indent < 0) indent = n;
    if (n === indent) out.push(i);
  }
  return indent < 0 ? undefined : { lines: out, indent, end: limit };
}

/** The line of `key:` with nothing after it (a nested block), when the block has the key once. */
function onlyBlockKey(lines: readonly string[], block: KeyLines, key: string): number | undefined {
  const found = block.lines.filter((i) => lines[i]!.startsWith(`${key}:`, block.indent));
  if (found.length !== 1) return undefined;
  const rest = lines[found[0]!]!.slice(block.indent + key.length + 1).trim();
  return rest === '' || rest.startsWith('#') ? found[0] : undefined;
}

/** The plain or quoted scalar of `key: value`, when the block has the key once. */
function onlyScalar(lines: readonly string[], block: KeyLines, key: string): string | undefined {
  const found = block.lines.filter((i) => lines[i]!.startsWith(`${key}:`, block.indent));
  if (found.length !== 1) return undefined;
  const value = /^:[ \t]+(["']?)([A-Za-z0-9.-]+)\1[ \t]*(?:#.*)?$/.exec(lines[found[0]!]!.slice(block.indent + key.length));
  return value?.[2];
}

function indentOf(line: string): number {
  let n = 0;
  while (line.charCodeAt(n) === 32) n++;
  return n;
}
