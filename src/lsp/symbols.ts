/** Document symbols: one per YAML document that holds an object, named kind/name, spanning the document. */
import { DocumentSymbol, SymbolKind, type Range } from 'vscode-languageserver';
import { isMap, isScalar, LineCounter, parseAllDocuments, type Node as YamlNode } from 'yaml';

export function documentSymbols(text: string): DocumentSymbol[] {
  const lines = new LineCounter();
  const out: DocumentSymbol[] = [];
  for (const doc of parseAllDocuments(text, { lineCounter: lines })) {
    if (!isMap(doc.contents)) continue;
    const kindNode = doc.contents.get('kind', true) as YamlNode | undefined;
    const metadata = doc.contents.get('metadata', true);
    const nameNode = isMap(metadata) ? (metadata.get('name', true) as YamlNode | undefined) : undefined;
    const kind = isScalar(kindNode) ? String(kindNode.value) : undefined;
    const name = isScalar(nameNode) ? String(nameNode.value) : undefined;
    if (kind === undefined && name === undefined) continue;
    const apiVersion = doc.contents.get('apiVersion');
    const namespace = isMap(metadata) ? metadata.get('namespace') : undefined;
    const range = rangeOf(lines, doc.contents.range![0], doc.contents.range![2]);
    const selected = (isScalar(nameNode) ? nameNode : isScalar(kindNode) ? kindNode : undefined)?.range;
    out.push({
      name: `${kind ?? '<no kind>'}/${name ?? '<unnamed>'}`,
      detail: [typeof apiVersion === 'string' ? apiVersion : undefined, typeof namespace === 'string' ? `namespace ${namespace}` : undefined].filter(Boolean).join(', '),
      kind: SymbolKind.Object,
      range,
      selectionRange: selected ? rangeOf(lines, selected[0], selected[1]) : range,
    });
  }
  return out;
}

function rangeOf(lines: LineCounter, start: number, end: number): Range {
  const a = lines.linePos(start);
  const b = lines.linePos(end);
  return { start: { line: a.line - 1, character: a.col - 1 }, end: { line: b.line - 1, character: b.col - 1 } };
}
