/**
 * Flux post-build substitution applied to resources: what kustomize-controller does to each
 * object after `kustomize build` (fluxcd/pkg kustomize/kustomize_varsub.go SubstituteVariables):
 * skip an object labelled or annotated `kustomize.toolkit.fluxcd.io/substitute: disabled`,
 * else marshal it to YAML, substitute the text, and read it back with sigs.k8s.io/yaml.
 *
 * We substitute each string of the object instead of the text, and type the result as that
 * round trip would: a string go-yaml writes plain (`${REPLICAS}`) is read back as YAML, so
 * `3` becomes the integer 3 and `["10.0.0.0/8"]` a list, whatever quotes the source used; a
 * string it would quote or write as a block stays a string. Map keys stay strings. Pointers
 * are unchanged (a renamed key is translated back), so every finding still lands on the
 * token the user wrote.
 */
import { parseDocument } from 'yaml';
import { diagnosticFor, escapeSegment, isSecretValuePath, rememberSecretValues, type Diagnostic, type KubeObject, type Located, type Resource, type ResourceId, type ResourceSource } from '../../core/index.js';
import { composeOptions } from '../compose-options.js';
import { evaluate, parseTemplate, TemplateError, type Unset } from './template.js';

export const SUBSTITUTE_KEY = 'kustomize.toolkit.fluxcd.io/substitute';

export interface SubstituteOptions {
  /** Variables by name. With none, nothing is substituted (Flux substitutes only when it has variables). */
  variables: ReadonlyMap<string, string>;
  /** An unset variable without a default is an error (Flux ≥ 2.9's StrictPostBuildSubstitutions, on by default). */
  strict: boolean;
}

export interface Substituted {
  resources: Resource[];
  diagnostics: Diagnostic[];
  /** The substituted resource of each input resource that changed. */
  changed: Map<Resource, Resource>;
}

/** Every resource substituted (those that did not change are returned as they were). */
export function substituteResources(resources: readonly Resource[], options: SubstituteOptions): Substituted {
  const out: Substituted = { resources: [], diagnostics: [], changed: new Map() };
  if (options.variables.size === 0) return { ...out, resources: [...resources] };
  for (const r of resources) {
    const s = substituteResource(r, options, out.diagnostics);
    if (s !== r) out.changed.set(r, s);
    out.resources.push(s);
  }
  return out;
}

function substituteResource(resource: Resource, options: SubstituteOptions, diagnostics: Diagnostic[]): Resource {
  if (optedOut(resource.object)) return resource;
  const walk = new Walk(resource, options, diagnostics);
  const object = walk.value(resource.object, '') as KubeObject;
  if (object === resource.object) return resource;
  return { id: idOf(object, resource.id), object, source: walk.renames.size ? renamed(resource.source, walk.renames) : resource.source };
}

function optedOut(object: KubeObject): boolean {
  const metadata = object.metadata as Record<string, unknown> | undefined;
  const labels = metadata?.labels as Record<string, unknown> | undefined;
  const annotations = metadata?.annotations as Record<string, unknown> | undefined;
  return labels?.[SUBSTITUTE_KEY] === 'disabled' || annotations?.[SUBSTITUTE_KEY] === 'disabled';
}

class Walk {
  /** New pointer -> the pointer in the source, for each map key the substitution changed. */
  readonly renames = new Map<string, string>();

  constructor(
    private readonly resource: Resource,
    private readonly options: SubstituteOptions,
    private readonly diagnostics: Diagnostic[],
  ) {}

  value(v: unknown, pointer: string, sourcePointer = pointer): unknown {
    if (typeof v === 'string') return v.includes('$') ? this.scalar(v, pointer, sourcePointer) : v;
    if (Array.isArray(v)) {
      let changed = false;
      const out = v.map((item, i) => {
        const s = this.value(item, `${pointer}/${i}`, `${sourcePointer}/${i}`);
        if (s !== item) changed = true;
        return s;
      });
      return changed ? out : v;
    }
    if (v === null || typeof v !== 'object') return v;
    let changed = false;
    const out: Record<string, unknown> = {};
    for (const [k, item] of Object.entries(v)) {
      const key = k.includes('$') ? this.text(k, `${sourcePointer}/${escapeSegment(k)}`, 'key') ?? k : k;
      const here = `${pointer}/${escapeSegment(key)}`;
      const there = `${sourcePointer}/${escapeSegment(k)}`;
      if (key !== k) {
        this.renames.set(here, there);
        changed = true;
      }
      const s = this.value(item, here, there);
      if (s !== item) changed = true;
      out[key] = s;
    }
    return changed ? out : v;
  }

  /** A string substituted and typed as the YAML round trip types it. */
  private scalar(s: string, pointer: string, sourcePointer: string): unknown {
    const t = this.text(s, sourcePointer, 'value');
    if (t === undefined || t === s) return s;
    if (!writtenPlain(s)) return t;
    const parsed = readBack(t);
    if ('error' in parsed) {
      this.report('bad-substitution', `the substituted text is not valid YAML here (${parsed.error})`, sourcePointer, undefined);
      return s;
    }
    return parsed.value;
  }

  /** The substituted text, or undefined when it cannot be (an error was reported). */
  private text(s: string, sourcePointer: string, at: 'key' | 'value'): string | undefined {
    let nodes;
    try {
      nodes = parseTemplate(s);
    } catch (err) {
      if (!(err instanceof TemplateError)) throw err;
      // kustomize_varsub.go wraps every envsubst error in these words.
      this.report('bad-substitution', `variable substitution failed: ${err.message}`, sourcePointer, { s, start: err.offset, end: err.offset + 1 }, at);
      return undefined;
    }
    const unset: Unset[] = [];
    const used = new Set<string>();
    const t = evaluate(nodes, (name) => this.options.variables.get(name), this.options.strict, unset, used);
    // A variable written into a Secret's data is a secret wherever else it shows (core/redact.ts).
    if (at === 'value' && isSecretValuePath(this.resource.id, sourcePointer)) rememberSecretValues([...used].map((n) => this.options.variables.get(n)).filter((v): v is string => v !== undefined));
    for (const u of unset) {
      // fluxcd/pkg envsubst/template.go's error, as kustomize_varsub.go wraps it.
      this.report('unset-variable', `variable substitution failed: variable not set (strict mode): ${JSON.stringify(u.name)}; set it in an --envsubst file or give it a default, \${${u.name}:=value}`, sourcePointer, { s, start: u.start, end: u.end }, at);
    }
    return unset.length ? undefined : t;
  }

  private report(ruleId: 'bad-substitution' | 'unset-variable', message: string, pointer: string, token: { s: string; start: number; end: number } | undefined, at: 'key' | 'value' = 'value'): void {
    const d = diagnosticFor(this.resource, { ruleId, severity: 'error', message, pointer, at });
    if (token) narrowToToken(d, this.resource.source.locate(pointer), token, at);
    this.diagnostics.push(d);
  }
}

/**
 * The finding moved from the whole scalar to the `${...}` in it, where the scalar is on one
 * line and its text is the value as written: plain (as wide as the value) or quoted without
 * escapes (two wider). Anything else (a block scalar, escapes) keeps the scalar's span.
 */
function narrowToToken(d: Diagnostic, located: Located, token: { s: string; start: number; end: number }, at: 'key' | 'value'): void {
  const span = at === 'key' && located.key ? located.key : located.value;
  if (!located.exact || span.line !== span.endLine) return;
  const width = span.endColumn - span.column;
  const shift = width === token.s.length ? 0 : width === token.s.length + 2 ? 1 : undefined;
  if (shift === undefined) return;
  const start = span.column + shift + token.start;
  const end = span.column + shift + Math.min(token.end, token.s.length);
  Object.assign(d, { file: located.file ?? d.file, line: span.line, column: start, endLine: span.line, endColumn: Math.max(end, start + 1) });
}

/**
 * Whether go-yaml v2 (sigs.k8s.io/yaml, which Flux marshals with) writes this string as a plain
 * scalar in block context: emitterc.go yaml_emitter_analyze_scalar's block_plain_allowed, and
 * encode.go stringv's literal style for strings with line breaks. A string holding `$` always
 * resolves to a string, so stringv never quotes it for its type.
 */
export function writtenPlain(s: string): boolean {
  if (s === '' || /[\n\r\u0085\u2028\u2029]/.test(s)) return false;
  if (s.startsWith('---') || s.startsWith('...')) return false;
  if (/^[#,[\]{}&*!|>'"%@`]/.test(s)) return false;
  if (/^[?:-](?:[ \t]|$)/.test(s)) return false;
  if (/:(?:[ \t]|$)/.test(s) || /[ \t]#/.test(s)) return false;
  if (/^[ \t]|[ \t]$/.test(s)) return false;
  // Non-printable characters are written double-quoted.
  if (/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u0084\u0086-\u009f\ufeff\ufffe\uffff]/.test(s)) return false;
  return true;
}

const readBackCache = new Map<string, { value: unknown } | { error: string }>();

/** Substituted plain text read back as sigs.k8s.io/yaml's YAMLToJSON reads a mapping value. */
function readBack(t: string): { value: unknown } | { error: string } {
  const cached = readBackCache.get(t);
  if (cached) return cached;
  const doc = parseDocument(`x: ${t}\n`, composeOptions('kubectl'));
  const error = doc.errors[0];
  const result = error ? { error: error.message.split('\n')[0]!.replace(/ at line \d+, column \d+.*$/, '') } : { value: (doc.toJS() as { x: unknown } | null)?.x ?? null };
  if (readBackCache.size > 10_000) readBackCache.clear();
  readBackCache.set(t, result);
  return result;
}

/** The id of a substituted object: its name and namespace may have been placeholders. */
function idOf(object: KubeObject, before: ResourceId): ResourceId {
  const metadata = object.metadata as Record<string, unknown> | undefined;
  const id: ResourceId = { apiVersion: typeof object.apiVersion === 'string' ? object.apiVersion : before.apiVersion, kind: typeof object.kind === 'string' ? object.kind : before.kind, name: before.name };
  if (typeof metadata?.namespace === 'string') id.namespace = metadata.namespace;
  if (typeof metadata?.name === 'string' && metadata.name !== '') id.name = metadata.name;
  else if (typeof metadata?.generateName === 'string' && metadata.generateName !== '') id.name = `${metadata.generateName}*`;
  return id;
}

/** A source whose pointers under a renamed key are translated to the key as written. */
function renamed(source: ResourceSource, renames: ReadonlyMap<string, string>): ResourceSource {
  const byLength = [...renames].sort((a, b) => b[0].length - a[0].length);
  const translate = (pointer: string) => {
    for (const [now, was] of byLength) if (pointer === now || pointer.startsWith(now + '/')) return was + pointer.slice(now.length);
    return pointer;
  };
  const out = Object.create(source) as ResourceSource;
  out.locate = (pointer) => source.locate(translate(pointer));
  if (source.rendered) {
    const rendered = source.rendered;
    out.rendered = { declared: (pointer) => rendered.declared(translate(pointer)), setBy: () => rendered.setBy() };
  }
  return out;
}
