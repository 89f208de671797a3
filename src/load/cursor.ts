/**
 * Where a cursor is in a YAML file, as the editor features need it: which document, the JSON
 * pointer of the node, whether it is on a key or a value, and the word under it. Shared by
 * completion and hover (src/lsp) and by anything that edits at a place (quick fixes).
 *
 * Hover reads the file as it is. Completion is asked while the line is half typed (`  ima`,
 * `- `, `image: ng`), which YAML may read as something else or refuse: the word being typed is
 * replaced by a marker (`ima` -> `<marker>: 0`) so that the line parses as the key (or value)
 * it is becoming, and the marker's place in the parse is the cursor's.
 */
import { isMap, isPair, isScalar, isSeq, parseAllDocuments, type Node } from 'yaml';
import { joinPointer } from '../core/index.js';

export interface CursorPlace {
  /** Which YAML document of the file (0-based, `---` separated). */
  document: number;
  /** The document's offsets [start, end) in the text. */
  documentRange: [number, number];
  /**
   * For a key: the pointer of the mapping the key is (or becomes) a key of. For a value: the
   * pointer of the value itself.
   */
  pointer: string;
  on: 'key' | 'value';
  /** The key (when on a key) or scalar value under the cursor, and its offsets [start, end): what a completion replaces. */
  word: { text: string; start: number; end: number };
  /** On a key: the mapping's other keys, which completion does not offer again. */
  siblings: string[];
  /** The document as plain data, the marker left out: what tells its apiVersion, kind and which nodes are lists. */
  value: unknown;
}

const MARKER = 'kubeproof\u00b7cursor';
const WORD = /[^\s:#,[\]{}"']*/y;
const WORD_BEFORE = /[^\s:#,[\]{}"']*$/;

/** The node under the cursor of a file as it stands (hover). */
export function placeAt(text: string, offset: number): CursorPlace | undefined {
  const docs = parseAllDocuments(text);
  const list = Array.isArray(docs) ? docs : [docs];
  for (const [index, doc] of list.entries()) {
    const [start, , end] = doc.range;
    if (offset < start || offset > end || !doc.contents) continue;
    const found = find(doc.contents as Node, offset, []);
    if (found) return { document: index, documentRange: [start, end], ...found, value: doc.toJS({ maxAliasCount: 100 }) as unknown };
  }
  return undefined;
}

/** The key or value being typed at the cursor (completion). */
export function placeToComplete(text: string, offset: number): CursorPlace | undefined {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  const nl = text.indexOf('\n', offset);
  const lineEnd = nl === -1 ? text.length : nl;
  const before = text.slice(lineStart, offset);
  WORD.lastIndex = offset;
  const wordStart = offset - (WORD_BEFORE.exec(before)?.[0].length ?? 0);
  const wordEnd = offset + (WORD.exec(text)?.[0].length ?? 0);
  const word = { text: text.slice(wordStart, wordEnd), start: wordStart, end: wordEnd };
  const lead = text.slice(lineStart, wordStart);
  const rest = text.slice(wordEnd, lineEnd);

  let line: string;
  let on: CursorPlace['on'];
  if (/^\s*(- +)*$/.test(lead)) {
    // Only indentation and list dashes before the word: a key being typed (its `: value`, if any, kept).
    on = 'key';
    line = `${lead}${MARKER}${/^\s*:/.test(rest) ? rest : ': 0'}`;
  } else if (/^\s*(- +)*[^\s#][^#]*:\s+$/.test(lead) || /^\s*(- +)*[^\s#][^#]*:$/.test(lead)) {
    // After `key: `: a value being typed.
    on = 'value';
    line = `${lead}${lead.endsWith(':') ? ' ' : ''}${MARKER}`;
  } else {
    return undefined;
  }
  const patched = text.slice(0, lineStart) + line + text.slice(lineEnd);
  const markerAt = lineStart + line.indexOf(MARKER);
  const place = placeAt(patched, markerAt + 1);
  if (!place) return undefined;
  if (place.on === 'key') {
    // The marker is a key of the mapping at `pointer`'s parent: the place is that mapping.
    const parent = place.pointer.slice(0, place.pointer.lastIndexOf('/'));
    return { ...place, on, pointer: parent, siblings: place.siblings.filter((k) => k !== MARKER), word, value: withoutMarker(place.value) };
  }
  return { ...place, on, word, value: withoutMarker(place.value) };
}

/** The pair key or scalar containing `offset`, with its pointer; for a key, the pointer of its value. */
function find(node: Node, offset: number, path: (string | number)[]): Omit<CursorPlace, 'document' | 'documentRange' | 'value'> | undefined {
  if (isMap(node)) {
    for (const pair of node.items) {
      if (!isPair(pair)) continue;
      const key = pair.key as Node | null;
      const name = isScalar(key) ? String(key.value) : undefined;
      if (name === undefined) continue;
      if (key?.range && offset >= key.range[0] && offset <= key.range[1]) {
        const siblings = node.items.map((p) => (isScalar(p.key) ? String(p.key.value) : '')).filter((k) => k !== '' && k !== name);
        return { pointer: joinPointer([...path, name]), on: 'key', word: { text: name, start: key.range[0], end: key.range[1] }, siblings };
      }
      const value = pair.value as Node | null;
      if (value?.range && offset >= value.range[0] && offset <= value.range[1]) return find(value, offset, [...path, name]);
    }
    return undefined;
  }
  if (isSeq(node)) {
    for (const [i, item] of node.items.entries()) {
      const n = item as Node | null;
      if (n?.range && offset >= n.range[0] && offset <= n.range[1]) return find(n, offset, [...path, i]);
    }
    return undefined;
  }
  if (isScalar(node) && node.range) {
    return { pointer: joinPointer(path), on: 'value', word: { text: String(node.value ?? ''), start: node.range[0], end: node.range[1] }, siblings: [] };
  }
  return undefined;
}

/** The document's data with the marker key (or value) taken out. */
function withoutMarker(value: unknown): unknown {
  if (value === MARKER) return null;
  if (Array.isArray(value)) return value.map(withoutMarker);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value as Record<string, unknown>).filter(([k]) => k !== MARKER).map(([k, v]) => [k, withoutMarker(v)]));
  }
  return value;
}
