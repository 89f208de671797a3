/** Text -> documents -> resources, with every parse problem as a positioned diagnostic. */
import { isScalar, LineCounter, parseAllDocuments, type Document, type YAMLError } from 'yaml';
import type { Diagnostic, Resource } from '../core/index.js';
import { isAliasBomb, measureExpansion } from './expansion.js';
import { identify } from './identify.js';
import { NodeLocator } from './positions.js';
import { problem } from './problem.js';
import { kubernetesTags } from './yaml-schema.js';

export interface ParseOptions {
  /** Collections nested deeper than this are refused (default 256). */
  maxDepth?: number;
}

export interface Parsed {
  resources: Resource[];
  diagnostics: Diagnostic[];
}

export const DEFAULT_MAX_DEPTH = 256;

export function parseManifests(text: string, file: string, options: ParseOptions = {}): Parsed {
  const out: Parsed = { resources: [], diagnostics: [] };
  const lineCounter = new LineCounter();
  let docs: Iterable<Document.Parsed>;
  try {
    docs = parseAllDocuments(text, {
      lineCounter,
      prettyErrors: false,
      merge: true,
      schema: 'core',
      customTags: kubernetesTags,
      uniqueKeys: true,
      strict: true,
    }) as Iterable<Document.Parsed>;
  } catch (err) {
    // The parser recurses per nesting level: a pathological document can exhaust the stack.
    if (err instanceof RangeError) {
      out.diagnostics.push(problem('nesting-too-deep', file, 'the file nests collections too deeply for the YAML parser'));
      return out;
    }
    throw err;
  }

  let docIndex = 0;
  for (const doc of docs) {
    const index = docIndex++;
    const locator = new NodeLocator(doc, doc.contents, lineCounter, text);
    const spanOfError = (e: YAMLError) => locator.spanOf(e.pos[0], Math.max(e.pos[1], e.pos[0] + 1));

    if (doc.errors.length > 0) {
      // After the first real syntax error the parser's view is unreliable; duplicate keys are each their own finding.
      const duplicates = doc.errors.filter((e) => e.code === 'DUPLICATE_KEY');
      const first = doc.errors.find((e) => e.code !== 'DUPLICATE_KEY');
      for (const e of duplicates) {
        out.diagnostics.push(problem('duplicate-key', file, duplicateKeyMessage(text, e), spanOfError(e)));
      }
      if (first) {
        const id = first.code === 'TAB_AS_INDENT' ? 'tab-indentation' : 'yaml-syntax';
        out.diagnostics.push(problem(id, file, syntaxMessage(first), spanOfError(first)));
      }
      continue;
    }
    for (const w of doc.warnings) out.diagnostics.push(problem('yaml-warning', file, syntaxMessage(w), spanOfError(w)));

    const root = doc.contents;
    if (root === null || (isScalar(root) && root.value === null)) continue; // empty or comment-only

    const expansion = measureExpansion(root, options.maxDepth ?? DEFAULT_MAX_DEPTH);
    if (expansion.tooDeep) {
      const span = locator.span(expansion.tooDeep) ?? locator.span(root);
      out.diagnostics.push(problem('nesting-too-deep', file, `document ${index + 1} nests collections more than ${options.maxDepth ?? DEFAULT_MAX_DEPTH} levels deep`, span));
      continue;
    }
    if (isAliasBomb(expansion)) {
      const largest = expansion.largestAlias;
      const span = (largest && locator.span(largest.alias)) ?? locator.span(root);
      const detail = largest ? `; alias *${largest.alias.source} alone expands to ${largest.size} values` : '';
      out.diagnostics.push(
        problem(
          'alias-bomb',
          file,
          `document ${index + 1} refused: its aliases expand ${expansion.written} written values to ${expansion.expanded} (a likely "billion laughs" attack)${detail}`,
          span,
        ),
      );
      continue;
    }

    const value = doc.toJS({ maxAliasCount: -1 }) as unknown;
    const found = identify(value, root, { file, docIndex: index, doc, lineCounter, text });
    out.resources.push(...found.resources);
    out.diagnostics.push(...found.diagnostics);
  }
  return out;
}

function syntaxMessage(e: YAMLError): string {
  return e.message.replace(/\s+/g, ' ').trim();
}

function duplicateKeyMessage(text: string, e: YAMLError): string {
  const key = text.slice(e.pos[0], e.pos[1]).trim();
  return key && key.length <= 80 ? `duplicate key ${JSON.stringify(key)}: map keys must be unique` : 'duplicate key: map keys must be unique';
}
