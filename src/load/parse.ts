/** Text -> documents -> resources, with every parse problem as a positioned diagnostic. */
import { Composer, isScalar, LineCounter, Parser, visit, type Alias, type Document, type Node, type Scalar, type YAMLError } from 'yaml';
import { appendAll, START_OF_FILE, type Diagnostic, type Resource, type SourceSpan } from '../core/index.js';
import { MAX_SCALAR_CHARS, refusedToken, untilStackOverflow, type Refused } from './cst-depth.js';
import { dropInventedFinalNewline } from './block-scalar-eof.js';
import { firstNonStringKey } from './kustomize-keys.js';
import { isAliasBomb, measureExpansion } from './expansion.js';
import { identify, type ResourceHook } from './identify.js';
import type { LoadedSource } from './lazy-locate.js';
import { NodeLocator } from './positions.js';
import { problem } from './problem.js';
import { compactValue, StringPool } from './compact.js';
import { plainValue } from './plain-value.js';
import { SourceText } from './source-text.js';
import { LineStarts } from './line-starts.js';
import { yamlLineBreaks } from './decode.js';
import { addDuplicateKeyErrors, composeOptions, composeWithoutStacks, firstKeyOf } from './compose-options.js';
import { isSecretDocument, mayHoldSecrets, redactSyntaxMessage } from './redact-syntax.js';
import { explainSyntaxError, parserMessage } from './syntax-explain.js';
import { FileLines } from './syntax-lines.js';
import type { ScalarTyping } from './yaml-schema.js';

export interface ParseOptions {
  /** Collections nested deeper than this are refused (default 256). */
  maxDepth?: number;
  /** Type scalars as kubectl does (default) or as kustomize does (only true/false are booleans). */
  typing?: ScalarTyping;
  /**
   * Documents longer than this many characters are refused (default: no limit). A document is
   * composed whole, its yaml nodes about 30 times its size: the loader sets this from the heap.
   */
  maxDocumentChars?: number;
}

export interface Parsed {
  resources: Resource[];
  diagnostics: Diagnostic[];
  /** The text the resources' positions are found in (the loader deflates it once parsing is done). */
  source: SourceText;
}

export const DEFAULT_MAX_DEPTH = 256;

interface FileContext {
  text: string;
  source: SourceText;
  file: string;
  typing: ScalarTyping;
  lineCounter: LineStarts;
  /** Split only when a syntax error needs explaining. */
  lines: FileLines;
  out: Parsed;
  /** Strings shared between the file's documents (see compact.ts). */
  pool: StringPool;
  onResource?: ResourceHook;
}

/** `onResource`: run on each resource as soon as it is made, while its document's nodes are held (no re-parse for positions). */
export function parseManifests(source: string, file: string, options: ParseOptions = {}, onResource?: ResourceHook): Parsed {
  const text = yamlLineBreaks(source); // as decodeSource gives it; a caller may pass text of its own
  const typing = options.typing ?? 'kubectl';
  const kept = new SourceText(text);
  const ctx: FileContext = { text, source: kept, file, typing, lineCounter: new LineStarts(), lines: new FileLines(text), out: { resources: [], diagnostics: [], source: kept }, pool: new StringPool(), ...(onResource && { onResource }) };
  const maxDepth = options.maxDepth ?? DEFAULT_MAX_DEPTH;
  // parseAllDocuments, unrolled so that each document's depth is checked before it is composed.
  const composer = new Composer(composeOptions(typing));
  let docIndex = 0;
  const compose = (docs: Iterable<Document.Parsed>) => {
    for (const doc of composeWithoutStacks(() => docs)) handleDocument(doc, docIndex++, ctx);
  };
  let overflowAt: number | undefined; // the line the parser reached when nesting exhausted its stack
  const tooLong = longDocument(text, options.maxDocumentChars);
  if (tooLong) {
    ctx.out.diagnostics.push(problem('file-too-large', file, `the document at line ${tooLong.line} is ${(tooLong.chars / 1048576).toFixed(1)} MiB: a YAML document is read whole, in about 30 times its size of memory, more than this process may use; split it into several documents (a List: one document per item). The file is not checked`, { line: tooLong.line, column: 1, endLine: tooLong.line, endColumn: 1 }));
    return ctx.out;
  }
  for (const token of untilStackOverflow(new Parser(ctx.lineCounter.addNewLine).parse(text), () => (overflowAt = Math.max(1, ctx.lineCounter.lines)))) {
    const refused = token.type === 'document' ? refusedToken(token, maxDepth) : undefined;
    if (!refused) {
      compose(composer.next(token) as Iterable<Document.Parsed>);
      continue;
    }
    compose(composer.end() as Iterable<Document.Parsed>); // the pending document comes first
    const at = ctx.lineCounter.linePos(refused.token.offset);
    const span = { line: at.line, column: at.col, endLine: at.line, endColumn: at.col + 1 };
    ctx.out.diagnostics.push(refusal(refused, file, `document ${docIndex + 1}`, maxDepth, span));
    docIndex++;
  }
  compose(composer.end() as Iterable<Document.Parsed>);
  if (overflowAt !== undefined) {
    const span = { line: overflowAt, column: 1, endLine: overflowAt, endColumn: 1 };
    ctx.out.diagnostics.push(problem('nesting-too-deep', file, `document ${docIndex + 1} nests collections more than ${maxDepth} levels deep`, span));
  }
  return ctx.out;
}

function handleDocument(doc: Document.Parsed, index: number, ctx: FileContext): void {
  // A plain document (most are) in one walk: nothing for the checks below to find (plain-value.ts).
  const plain = isPlainCandidate(doc, ctx.text) ? plainValue(doc.contents!, ctx.pool) : undefined;
  if (plain) return addIdentified(plain.value, doc.contents!, doc, index, ctx, []);
  addDuplicateKeyErrors(doc);
  const { file, out } = ctx;
  const locator = new NodeLocator(doc, doc.contents, ctx.lineCounter, ctx.text);
  const spanOfError = (e: YAMLError) => locator.spanOf(e.pos[0], Math.max(e.pos[1], e.pos[0] + 1));
  // A Secret's parse messages never quote its text (see core/redact.ts).
  const secret = (doc.errors.length > 0 || doc.warnings.length > 0) && isSecretDocument(doc, ctx.text);

  if (doc.errors.length > 0) {
    // After the first real syntax error the parser's view is unreliable; duplicate keys are each their own finding.
    const duplicates = doc.errors.filter((x) => x.code === 'DUPLICATE_KEY');
    // One walk for all of them: a search per error was quadratic (3,000 duplicates took 26 s).
    const keysAt = duplicates.length ? scalarsByStart(doc) : new Map<number, Scalar>();
    for (const e of duplicates) {
      const key = keysAt.get(e.pos[0]);
      out.diagnostics.push(problem('duplicate-key', file, duplicateKeyMessage(e, key, ctx.lineCounter), (key && locator.span(key)) ?? spanOfError(e)));
    }
    const first = doc.errors.find((e) => e.code !== 'DUPLICATE_KEY');
    if (first) {
      const { message, start, end } = explainSyntaxError(first, ctx.lines, doc, secret);
      out.diagnostics.push(problem(first.code === 'TAB_AS_INDENT' ? 'tab-indentation' : 'yaml-syntax', file, message, locator.spanOf(start, end)));
    }
    return;
  }
  const warnings = doc.warnings.map((w) => problem('yaml-warning', file, parserMessage(w, secret), spanOfError(w)));
  out.diagnostics.push(...warnings);

  const root = doc.contents;
  if (root === null || (isScalar(root) && root.value === null)) return; // empty or comment-only

  const expansion = measureExpansion(root);
  if (isAliasBomb(expansion)) {
    const largest = expansion.largestAlias;
    const span = (largest && locator.span(largest.alias)) ?? locator.span(root);
    const detail = largest ? `; alias *${largest.alias.source} alone expands to ${largest.size} values` : '';
    const message = `document ${index + 1} refused: its aliases expand ${expansion.written} written values to ${expansion.expanded} (a likely "billion laughs" attack)${detail}`;
    out.diagnostics.push(problem('alias-bomb', file, message, span));
    return;
  }
  if (expansion.invalid) {
    out.diagnostics.push(problem('yaml-syntax', file, expansion.invalid.message, locator.span(expansion.invalid.node) ?? locator.span(root) ?? START_OF_FILE));
    return;
  }

  dropInventedFinalNewline(doc, ctx.text);
  const badKey = ctx.typing === 'kustomize' ? firstNonStringKey(doc) : undefined;
  if (badKey) {
    const message = `map key ${badKey.source ?? String(badKey.value)} is not a string to kustomize (go-yaml types it as ${badKey.value === null ? 'null' : typeof badKey.value}): json: unsupported type: map[interface {}]interface {}; quote the key`;
    out.diagnostics.push(problem('yaml-syntax', file, message, locator.span(badKey) ?? START_OF_FILE));
    return;
  }
  let value: unknown;
  try {
    // Measured above; then copied compact, since resources outlive the run's every stage.
    value = compactValue(doc.toJS({ maxAliasCount: -1 }), ctx.pool, expansion.expanded > expansion.written);
  } catch (err) {
    // An alias to an anchor never set: the parser leaves it to toJS, which throws, quoting the alias (in a Secret, maybe a password starting with `*`).
    if (!(err instanceof ReferenceError)) throw err;
    const name = /: (.*)$/s.exec(err.message)?.[1];
    const alias = name === undefined ? undefined : aliasNamed(doc, name);
    const message = err.message.replace(/\s+/g, ' ').trim();
    out.diagnostics.push(problem('yaml-syntax', file, isSecretDocument(doc, ctx.text) ? redactSyntaxMessage(message) : message, (alias && locator.span(alias)) ?? locator.span(root)));
    return;
  }
  addIdentified(value, root, doc, index, ctx, warnings);
}

/**
 * Whether plainValue may be tried: no parse error or warning to report, a value to build, and
 * no block scalar whose invented final newline dropInventedFinalNewline would have to drop.
 */
function isPlainCandidate(doc: Document.Parsed, text: string): boolean {
  const root = doc.contents;
  if (doc.errors.length > 0 || doc.warnings.length > 0 || root === null || (isScalar(root) && root.value === null)) return false;
  return text === '' || text.endsWith('\n') || text.endsWith('\r');
}

function addIdentified(value: unknown, root: Node, doc: Document.Parsed, index: number, ctx: FileContext, warnings: Diagnostic[]): void {
  const { file, out } = ctx;
  const { onResource } = ctx;
  const found = identify(value, root, { file, docIndex: index, doc, lineCounter: ctx.lineCounter, text: ctx.text, source: ctx.source, typing: ctx.typing, ...(onResource && { onResource }) });
  appendAll(out.resources, found.resources); // a List may hold any number of items
  appendAll(out.diagnostics, found.diagnostics);
  if (onResource) {
    for (const r of found.resources) {
      try {
        onResource(r);
      } finally {
        (r.source as LoadedSource).live = undefined; // the nodes go with the document: positions asked for later re-parse
      }
    }
  }
  // A parser warning in a document that holds one object is about that object.
  if (found.resources.length === 1) for (const w of warnings) w.resource = found.resources[0]!.id;
}

/**
 * The first document longer than `max` characters, found before parsing: the parser builds a
 * document's whole syntax tree before it hands the document over, so by then it would be too
 * late. Documents start and end at `---` and `...` at the start of a line, which end any
 * scalar (YAML 1.2, c-forbidden): a stretch without one is one document, or part of one.
 */
function longDocument(text: string, max: number | undefined): { line: number; chars: number } | undefined {
  if (max === undefined || text.length <= max) return undefined;
  const marker = /^(?:---|\.\.\.)(?=[ \t\n]|$)/gm;
  for (let start = 0; ; ) {
    const m = marker.exec(text);
    const end = m ? m.index : text.length;
    if (end - start > max) return { line: lineAt(text, start), chars: end - start };
    if (!m) return undefined;
    start = end;
  }
}

function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) line++;
  return line;
}

/** What a refused document is told: nested too deep, or a scalar no API server would take. */
function refusal(refused: Refused, file: string, what: string, maxDepth: number, span?: SourceSpan): Diagnostic {
  if (refused.why === 'depth') return problem('nesting-too-deep', file, `${what} nests collections more than ${maxDepth} levels deep`, span);
  const mib = ((refused.token as { source: string }).source.length / 1048576).toFixed(1);
  return problem('scalar-too-large', file, `${what} holds a scalar of ${mib} MiB, over the ${MAX_SCALAR_CHARS / 1048576} MiB limit: the API server accepts at most 3 MiB per object`, span);
}

/** Names the key (not in a file that may hold Secret values and has no key node to go by) and where it was set first. */
function duplicateKeyMessage(e: YAMLError, key: Scalar | undefined, lines: Pick<LineCounter, 'linePos'>): string {
  const name = key && typeof key.value !== 'symbol' ? String(key.value) : '';
  const first = firstKeyOf.get(e);
  const where = first === undefined ? 'it is already set in this mapping' : `it is already set on line ${lines.linePos(first).line} of this mapping`;
  const what = name && name.length <= 80 ? `duplicate key ${JSON.stringify(name)}` : 'duplicate key';
  return `${what}: ${where}, and kubectl refuses a key given twice; remove or rename one of them (yaml: ${e.message})`;
}

function aliasNamed(doc: Document.Parsed, name: string): Alias | undefined {
  let found: Alias | undefined;
  visit(doc, {
    Alias(_, node) {
      if (node.source !== name) return undefined;
      found = node;
      return visit.BREAK;
    },
  });
  return found;
}

function scalarsByStart(doc: Document.Parsed): Map<number, Scalar> {
  const byStart = new Map<number, Scalar>();
  visit(doc, {
    Scalar(_, node) {
      const start = node.range?.[0];
      if (start !== undefined && !byStart.has(start)) byStart.set(start, node);
    },
  });
  return byStart;
}

export interface PlainDocument {
  value: unknown;
  /** Positions in the file, as for resources. */
  locate(pointer: string): import('../core/index.js').Located;
}

/**
 * The documents of a file that is not a set of Kubernetes objects (a kustomization, a patch,
 * a replacement list), with positions; parse problems come back as diagnostics.
 */
export function parsePlainDocuments(source: string, file: string, options: ParseOptions = {}): { documents: PlainDocument[]; diagnostics: Diagnostic[] } {
  const text = yamlLineBreaks(source);
  const typing = options.typing ?? 'kubectl';
  const lineCounter = new LineCounter();
  const lines = new FileLines(text);
  const documents: PlainDocument[] = [];
  const diagnostics: Diagnostic[] = [];
  const composer = new Composer(composeOptions(typing));
  const maxDepth = options.maxDepth ?? DEFAULT_MAX_DEPTH;
  let overflow = false;
  const tokens = [...untilStackOverflow(new Parser(lineCounter.addNewLine).parse(text), () => (overflow = true))];
  if (overflow) return { documents: [], diagnostics: [problem('nesting-too-deep', file, `the file nests collections more than ${maxDepth} levels deep`)] };
  for (const token of tokens) {
    const refused = token.type === 'document' ? refusedToken(token, maxDepth) : undefined;
    if (refused) return { documents: [], diagnostics: [refusal(refused, file, 'the file', maxDepth)] };
  }
  for (const doc of composeWithoutStacks(() => composer.compose(tokens) as Iterable<Document.Parsed>)) {
    addDuplicateKeyErrors(doc);
    const locator = new NodeLocator(doc, doc.contents, lineCounter, text);
    const first = doc.errors[0];
    if (first) {
      const secret = mayHoldSecrets(text);
      if (first.code === 'DUPLICATE_KEY') {
        const key = secret ? undefined : scalarsByStart(doc).get(first.pos[0]);
        diagnostics.push(problem('duplicate-key', file, duplicateKeyMessage(first, key, lineCounter), locator.spanOf(first.pos[0], key?.range?.[1] ?? first.pos[1])));
        continue;
      }
      const { message, start, end } = explainSyntaxError(first, lines, doc, secret);
      diagnostics.push(problem(first.code === 'TAB_AS_INDENT' ? 'tab-indentation' : 'yaml-syntax', file, message, locator.spanOf(start, end)));
      continue;
    }
    if (doc.contents === null || (isScalar(doc.contents) && doc.contents.value === null)) continue;
    const expansion = measureExpansion(doc.contents);
    if (expansion.invalid) {
      diagnostics.push(problem('yaml-syntax', file, expansion.invalid.message, locator.span(expansion.invalid.node) ?? START_OF_FILE));
      continue;
    }
    if (isAliasBomb(expansion)) {
      diagnostics.push(problem('alias-bomb', file, 'refused: its aliases expand to an unreasonable size (a likely "billion laughs" attack)', locator.span(doc.contents)));
      continue;
    }
    dropInventedFinalNewline(doc, text);
    let value: unknown;
    try {
      value = doc.toJS({ maxAliasCount: -1 });
    } catch (err) {
      if (!(err instanceof ReferenceError)) throw err; // an alias to an anchor never set, as above
      const message = err.message.replace(/\s+/g, ' ').trim();
      diagnostics.push(problem('yaml-syntax', file, mayHoldSecrets(text) ? redactSyntaxMessage(message) : message, locator.span(doc.contents) ?? START_OF_FILE));
      continue;
    }
    documents.push({ value, locate: (pointer) => locator.locate(pointer) });
  }
  return { documents, diagnostics };
}
