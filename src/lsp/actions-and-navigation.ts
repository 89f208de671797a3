/**
 * Wiring of the capabilities that act on what a check found or on what the workspace holds:
 * quick fixes (code-actions.ts), go-to-definition (definition.ts) and document symbols
 * (symbols.ts). Kept out of server.ts, which only calls `register` and advertises `CAPABILITIES`.
 */
import { pathToFileURL } from 'node:url';
import { CodeActionKind, type Connection, type ServerCapabilities, type TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic } from '../core/index.js';
import { decodeSource } from '../load/index.js';
import { codeActions } from './code-actions.js';
import { definitions } from './definition.js';
import type { Engine } from './engine.js';
import type { Sources } from './sources.js';
import { documentSymbols } from './symbols.js';

export const CAPABILITIES: ServerCapabilities = {
  codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix] },
  definitionProvider: true,
  documentSymbolProvider: true,
};

export interface Wiring {
  documents: TextDocuments<TextDocument>;
  sources: Sources;
  engine: Engine;
  fileOf: (uri: string) => string;
  uriOf: ReadonlyMap<string, string>;
  checkable: (doc: TextDocument) => boolean;
}

/** Registers the handlers; the returned function is to be told each document's published findings and their version (undefined: closed). */
export function register(connection: Connection, w: Wiring): (uri: string, published?: { version: number; diagnostics: readonly Diagnostic[] }) => void {
  /** What each document was last told, for its code actions. */
  const published = new Map<string, { version: number; diagnostics: readonly Diagnostic[] }>();

  /** A file's text: the editor's buffer when open, else the disk's. */
  const textOf = (file: string): string | undefined => {
    const uri = w.uriOf.get(file);
    const doc = uri === undefined ? undefined : w.documents.get(uri);
    if (doc) return doc.getText();
    try {
      const decoded = decodeSource(w.sources.read(file), file);
      return 'text' in decoded ? decoded.text : undefined;
    } catch {
      return undefined;
    }
  };

  connection.onCodeAction((params) => {
    const uri = params.textDocument.uri;
    const told = published.get(uri);
    // Findings of an older version point at text that may have moved: no edits until the check of this one is out.
    if (!told || told.version !== w.documents.get(uri)?.version) return [];
    return codeActions(params, { file: w.fileOf(uri), uri, diagnostics: told.diagnostics, text: textOf });
  });

  connection.onDefinition(({ textDocument, position }) => {
    const doc = w.documents.get(textDocument.uri);
    if (!doc || !w.checkable(doc)) return [];
    const file = w.fileOf(doc.uri);
    const targets = definitions(file, doc.getText(), { line: position.line + 1, column: position.character + 1 }, w.engine.resourceGroups(file));
    return targets.map((t) => ({
      uri: w.uriOf.get(t.file) ?? pathToFileURL(t.file).href,
      range: { start: { line: t.span.line - 1, character: t.span.column - 1 }, end: { line: t.span.endLine - 1, character: t.span.endColumn - 1 } },
    }));
  });

  connection.onDocumentSymbol(({ textDocument }) => {
    const doc = w.documents.get(textDocument.uri);
    return doc && w.checkable(doc) ? documentSymbols(doc.getText()) : [];
  });

  return (uri, told) => {
    if (told === undefined) published.delete(uri);
    else published.set(uri, told);
  };
}
