/**
 * Go to definition: from a reference (configMapRef, secretKeyRef, serviceAccountName,
 * claimName, a StatefulSet's serviceName, an Ingress backend) to the object it names, in any
 * file of the workspace or of the overlays that read the document; from a patch to the base
 * resource it patches (the render's origins say which fields it set); from a kustomization's
 * entry to the file or directory it names.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { isMap as isYamlMap, isScalar, isSeq, LineCounter, parseAllDocuments, parseDocument, type Node as YamlNode } from 'yaml';
import { START_OF_FILE, type Resource, type SourceSpan } from '../core/index.js';
import { findKustomizationFile } from '../render/index.js';
import { namedReferences, referencedObject } from '../rules/index.js';
import { isKustomizationFileName } from './paths.js';

export interface Target {
  file: string;
  span: SourceSpan;
}

/** 1-based, as findings count. */
export interface Cursor {
  line: number;
  column: number;
}

export type ResourceGroup = { cwd: string; resources: readonly Resource[] };

export function definitions(file: string, text: string, cursor: Cursor, groups: readonly ResourceGroup[]): Target[] {
  if (isKustomizationFileName(path.basename(file))) {
    const entry = kustomizationEntry(file, text, cursor);
    return entry ? [{ file: entry, span: START_OF_FILE }] : [];
  }
  const found = referenceTargets(file, cursor, groups);
  return dedupe(found.length > 0 ? found : patchedTargets(file, text, cursor, groups));
}

function referenceTargets(file: string, cursor: Cursor, groups: readonly ResourceGroup[]): Target[] {
  const out: Target[] = [];
  for (const { cwd, resources } of groups) {
    // Only references of objects that live in this file: the others cannot be under the cursor.
    const here = resources.filter((r) => path.resolve(cwd, r.source.file) === file || r.source.rendered !== undefined);
    for (const ref of namedReferences(here)) {
      // Where the name is written: a patch's value, or the base's (a name a transformer rewrote, prefixed, is still the base's text).
      const places = [ref.from.source.locate(ref.pointer), ref.from.source.rendered?.declared(ref.pointer)];
      const under = places.some((at) => at?.exact && path.resolve(cwd, at.file ?? ref.from.source.file) === file && contains(at.value, cursor));
      if (!under) continue;
      const target = referencedObject(ref, resources);
      if (target) out.push(nameOf(target, cwd));
    }
  }
  return out;
}

/** The base objects the patch document under the cursor set fields of. */
function patchedTargets(file: string, text: string, cursor: Cursor, groups: readonly ResourceGroup[]): Target[] {
  const doc = documentLines(text, cursor.line);
  if (!doc) return [];
  const out: Target[] = [];
  for (const { cwd, resources } of groups) {
    for (const r of resources) {
      const rendered = r.source.rendered;
      if (!rendered) continue;
      const patches = rendered.setBy().some((s) => path.resolve(cwd, s.file) === file && s.value.line >= doc.first && s.value.line <= doc.last);
      if (!patches) continue;
      const declared = rendered.declared('/metadata/name');
      const target = path.resolve(cwd, declared.file);
      if (target !== file) out.push({ file: target, span: declared.value });
    }
  }
  return out;
}

function nameOf(r: Resource, cwd: string): Target {
  // A rendered name (prefixed) is the kustomization's doing: the object is where its base declares it.
  const declared = r.source.rendered?.declared('/metadata/name');
  const at = declared?.exact ? declared : r.source.locate('/metadata/name');
  return { file: path.resolve(cwd, at.file ?? r.source.file), span: at.value };
}

/** The first and last line of the YAML document that holds `line`. */
function documentLines(text: string, line: number): { first: number; last: number } | undefined {
  const lines = new LineCounter();
  for (const doc of parseAllDocuments(text, { lineCounter: lines, keepSourceTokens: false })) {
    const first = lines.linePos(doc.range[0]).line;
    const last = lines.linePos(Math.max(doc.range[0], doc.range[2] - 1)).line;
    if (line >= first && line <= last) return { first, last };
  }
  return undefined;
}

/** Fields of a kustomization whose entries name files or directories (a list of strings, or of maps with a `path`). */
const PATH_LISTS = ['resources', 'bases', 'components', 'crds', 'configurations', 'generators', 'transformers', 'validators', 'patchesStrategicMerge'];
const PATH_MAPS = ['patches', 'patchesJson6902', 'replacements'];

function kustomizationEntry(file: string, text: string, cursor: Cursor): string | undefined {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines });
  if (!isYamlMap(doc.contents)) return undefined;
  const offset = lines.lineStarts[cursor.line - 1];
  if (offset === undefined) return undefined;
  const at = offset + cursor.column - 1;
  const under = (node: unknown): string | undefined => (isScalar(node) && typeof node.value === 'string' && node.range && node.range[0] <= at && at <= node.range[1] ? node.value : undefined);
  for (const pair of doc.contents.items) {
    const key = isScalar(pair.key) ? String(pair.key.value) : '';
    if (!isSeq(pair.value)) continue;
    for (const item of pair.value.items as YamlNode[]) {
      const entry = PATH_LISTS.includes(key) ? under(item) : PATH_MAPS.includes(key) && isYamlMap(item) ? under(item.get('path', true)) : undefined;
      if (entry !== undefined) return resolveEntry(path.dirname(file), entry);
    }
  }
  return undefined;
}

function resolveEntry(dir: string, entry: string): string | undefined {
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(entry) || entry.startsWith('github.com/')) return undefined; // a remote base
  const target = path.resolve(dir, entry);
  try {
    const stat = fs.statSync(target);
    if (stat.isDirectory()) return findKustomizationFile(target);
    return stat.isFile() ? target : undefined;
  } catch {
    return undefined;
  }
}

function contains(span: SourceSpan, c: Cursor): boolean {
  const after = c.line > span.line || (c.line === span.line && c.column >= span.column);
  const before = c.line < span.endLine || (c.line === span.endLine && c.column <= span.endColumn);
  return after && before;
}

function dedupe(targets: Target[]): Target[] {
  const seen = new Set<string>();
  return targets.filter((t) => {
    const key = `${t.file}:${t.span.line}:${t.span.column}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
