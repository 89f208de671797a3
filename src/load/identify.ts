/**
 * Decides what a parsed document is: a Kubernetes object, a List of them, a kustomization,
 * or something else entirely (a CI workflow, Helm values) that is skipped with a note.
 */
import * as path from 'node:path';
import type { Document, Node } from 'yaml';
import { isMap, isSecretKind, rememberSecrets, type Diagnostic, type KubeObject, type Resource, type ResourceId } from '../core/index.js';
import { LoadedSource, type DocumentPlace } from './lazy-locate.js';
import type { SourceText } from './source-text.js';
import { NodeLocator, type LinePositions } from './positions.js';
import type { ScalarTyping } from './yaml-schema.js';
import { problem } from './problem.js';
import type { LoadProblemId } from './problems.js';

export interface DocumentContext {
  file: string;
  docIndex: number;
  doc: Document.Parsed;
  lineCounter: LinePositions;
  text: string;
  /** The same text, as the resources keep it. */
  source: SourceText;
  typing: ScalarTyping;
  /** Set when a stage runs on each resource as it is parsed: its source then keeps the live nodes until released. */
  onResource?: ResourceHook;
}

/** A stage run on each resource while its document's yaml nodes are held (api/document-stage.ts). */
export type ResourceHook = (resource: Resource) => void;

export interface Identified {
  resources: Resource[];
  diagnostics: Diagnostic[];
}

const KUSTOMIZATION_FILES = new Set(['kustomization.yaml', 'kustomization.yml', 'kustomization']);
const KUSTOMIZE_KINDS = new Set(['Kustomization', 'Component']);

export function identify(value: unknown, root: Node, ctx: DocumentContext, itemIndex?: number): Identified {
  const out: Identified = { resources: [], diagnostics: [] };
  const locator = new NodeLocator(ctx.doc, root, ctx.lineCounter, ctx.text);
  const report = (id: LoadProblemId, message: string, pointer: string, at: 'key' | 'value' = 'value', resource?: ResourceId) => {
    const located = locator.locate(pointer);
    const span = at === 'key' && located.key ? located.key : located.value;
    out.diagnostics.push(problem(id, ctx.file, message, span, pointer, resource));
  };
  const what = itemIndex === undefined ? `document ${ctx.docIndex + 1}` : `items[${itemIndex}]`;

  if (!isPlainObject(value)) {
    report('not-an-object', `${what} is ${describe(value)}, not a mapping; a Kubernetes object is a mapping with apiVersion, kind and metadata`, '');
    return out;
  }
  const obj = value;
  const hasApiVersion = obj.apiVersion != null;
  const hasKind = obj.kind != null;
  const isKustomizationFile = KUSTOMIZATION_FILES.has(path.basename(ctx.file).toLowerCase());

  if (!hasApiVersion && !hasKind) {
    if (isKustomizationFile) report('kustomization-file', 'skipped: kustomization file (built by render/check, not applied as a resource)', '');
    else report('not-kubernetes', `skipped: ${what} is not a Kubernetes object (no apiVersion or kind)`, '');
    return out;
  }
  if (!hasApiVersion) {
    report('missing-api-version', `apiVersion is required: ${what} has kind ${quote(obj.kind)} but no apiVersion`, '');
    return out;
  }
  if (!hasKind) {
    report('missing-kind', `kind is required: ${what} has apiVersion ${quote(obj.apiVersion)} but no kind`, '');
    return out;
  }
  const apiVersionProblem = checkApiVersion(obj.apiVersion);
  if (apiVersionProblem) report('invalid-api-version', apiVersionProblem, '/apiVersion');
  const kindProblem = typeof obj.kind !== 'string' ? `kind must be a string, got ${describe(obj.kind)}` : obj.kind === '' ? 'kind must not be empty' : undefined;
  if (kindProblem) report('invalid-kind', kindProblem, '/kind');
  if (apiVersionProblem || kindProblem) return out;

  const apiVersion = obj.apiVersion as string;
  const kind = obj.kind as string;
  if ((apiVersion.startsWith('kustomize.config.k8s.io/') && KUSTOMIZE_KINDS.has(kind)) || isKustomizationFile) {
    report('kustomization-file', `skipped: ${kind} is a kustomization (built by render/check, not applied as a resource)`, '');
    return out;
  }
  // kustomize's built-in plugins (api/builtins): their configuration, read by a kustomization's
  // transformers/generators. Render reads them as objects (typing 'kustomize'); a plain load skips them.
  if (apiVersion === 'builtin' && ctx.typing === 'kubectl') {
    report('kustomize-config', `skipped: ${kind} with apiVersion builtin configures a kustomize built-in plugin (read by the kustomization that lists it), not a resource`, '');
    return out;
  }

  if (kind === 'List' || (kind.endsWith('List') && Array.isArray(obj.items))) {
    if (!Array.isArray(obj.items)) {
      if (obj.items != null) report('invalid-list', `items must be a list of objects, got ${describe(obj.items)}`, '/items');
      return out;
    }
    obj.items.forEach((item, i) => {
      const node = locator.nodeAt(`/items/${i}`) ?? root;
      const inner = identify(item, node, ctx, i);
      out.resources.push(...inner.resources);
      out.diagnostics.push(...inner.diagnostics);
    });
    return out;
  }

  const id: ResourceId = { apiVersion, kind, name: '' };
  const metadata = obj.metadata;
  if (metadata == null) {
    report('missing-name', 'metadata.name is required: the object has no metadata', '', 'value', id);
  } else if (!isPlainObject(metadata)) {
    report('invalid-metadata', `metadata must be a mapping, got ${describe(metadata)}`, '/metadata', 'value', id);
  } else {
    if (typeof metadata.namespace === 'string') id.namespace = metadata.namespace;
    else if (metadata.namespace != null) report('invalid-metadata', `metadata.namespace must be a string, got ${describe(metadata.namespace)}`, '/metadata/namespace', 'value', id);
    const { name, generateName } = metadata;
    if (typeof name === 'string' && name !== '') id.name = name;
    else if (name != null && typeof name !== 'string') report('invalid-metadata', `metadata.name must be a string, got ${describe(name)}`, '/metadata/name', 'value', id);
    else if (typeof generateName === 'string' && generateName !== '') id.name = `${generateName}*`;
    else if (generateName != null && typeof generateName !== 'string') report('invalid-metadata', `metadata.generateName must be a string, got ${describe(generateName)}`, '/metadata/generateName', 'value', id);
    else report('missing-name', name === '' ? 'metadata.name must not be empty' : 'metadata.name is required (or metadata.generateName)', name === '' ? '/metadata/name' : '/metadata', 'key', id);
  }

  const [start, , end] = ctx.doc.range;
  const line = ctx.lineCounter.linePos(start).line;
  const place: DocumentPlace = itemIndex === undefined ? { start, end, line, typing: ctx.typing } : { start, end, line, itemIndex, typing: ctx.typing };
  const source = new LoadedSource(ctx.file, ctx.docIndex, place, ctx.source);
  if (ctx.onResource) source.live = locator; // released by the caller once the stage has run (parse.ts)
  out.resources.push({ id, object: obj, source });
  if (isSecretKind(id)) rememberSecrets([{ id, object: obj }]); // scrubbed from any later message or trace: core/redact.ts
  return out;
}

function checkApiVersion(v: unknown): string | undefined {
  if (typeof v !== 'string') return `apiVersion must be a string, got ${describe(v)}`;
  if (v === '') return 'apiVersion must not be empty';
  if (!/^([^/\s]+\/)?[^/\s]+$/.test(v)) return `apiVersion ${JSON.stringify(v)} must be "version" or "group/version"`;
  return undefined;
}

function quote(v: unknown): string {
  return typeof v === 'string' ? JSON.stringify(v) : describe(v);
}

/** core's isMap, under the name load and render use: inside load, `isMap` is the yaml package's node test. */
export const isPlainObject: (v: unknown) => v is KubeObject = isMap;

/** A value's JSON type in words; never the value itself, which might be a secret. */
export function describe(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'a list';
  switch (typeof v) {
    case 'string': return 'a string';
    case 'number': return Number.isInteger(v) ? 'an integer' : 'a number';
    case 'boolean': return 'a boolean';
    case 'object': return 'a mapping';
    default: return typeof v;
  }
}
