/**
 * Secrets are never printed. The values of a Secret's `data` and `stringData` (and the
 * last-applied-configuration annotation that copies them), and the literals, env lines and
 * files a kustomize secretGenerator reads, appear in no report, message, error or trace:
 * where one would be shown, the text says `<redacted>`.
 *
 * Two lines of defence:
 * 1. At the source: code that quotes a value asks `isSecretValuePath` first (the schema
 *    stage's showValue), and code that quotes input text it cannot attribute to one field
 *    (a YAML syntax error in a Secret, a kustomize patch that may set a Secret's data, a
 *    secretGenerator literal) leaves the text out.
 * 2. A final scrub: every secret value met (Secrets loaded or rendered, secretGenerator
 *    inputs) is remembered, and `redactDiagnostics` / `redactSecrets` replace any of them
 *    still found in a diagnostic message, an error or a stack trace. This catches a value
 *    that reached a message some other way: a replacement that copies a Secret value into a
 *    Deployment field whose schema error then quotes it, or an exception whose message holds
 *    one.
 *
 * `kubeproof render` prints Secrets as kustomize does; `redactSecretObject` masks one for
 * `render --redact-secrets`.
 */
import type { Diagnostic } from './diagnostic.js';
import type { KubeObject, Resource } from './resource.js';
import { pointerToFieldPath } from './pointer.js';
import { isMap } from './is-map.js';

export const REDACTED = '<redacted>';

/** `<redacted>` base64-encoded: a masked `data` value that still validates as base64. */
export const REDACTED_BASE64 = Buffer.from(REDACTED).toString('base64');

/** The annotation kubectl apply keeps, a JSON copy of the whole object: data included. */
export const LAST_APPLIED = 'kubectl.kubernetes.io/last-applied-configuration';

/** Where a Secret keeps what must never be shown, as JSON pointers. */
const SECRET_FIELDS = ['/data', '/stringData', `/metadata/annotations/${LAST_APPLIED.replace(/\//g, '~1')}`];

/** Values shorter than this are not scrubbed by the second line (they would match too much); the first line covers them. */
export const MIN_SCRUBBED_LENGTH = 6;

/** At most this many values are remembered (a long-running language server forgets the oldest). */
const MAX_REMEMBERED = 100_000;

/** Longer values are remembered only by their first 80 characters (what a schema message shows of them): no message holds more. */
const MAX_SCRUBBED_LENGTH = 4096;

export function isSecretKind(id: { kind: string }): boolean {
  return id.kind === 'Secret';
}

/** Whether `pointer` is a Secret's data, stringData or last-applied annotation, or anything under them. */
export function isSecretValuePath(id: { kind: string }, pointer: string): boolean {
  return isSecretKind(id) && SECRET_FIELDS.some((f) => pointer === f || pointer.startsWith(f + '/'));
}

/**
 * Whether showing `value`, found at `pointer` of a resource, could show a secret: a value at or
 * under a secret field, or a map or list holding one (the whole Secret, its metadata).
 */
export function mayShowSecret(id: { kind: string }, pointer: string, value: unknown): boolean {
  if (!isSecretKind(id)) return false;
  if (isSecretValuePath(id, pointer)) return true;
  const holder = pointer === '' || SECRET_FIELDS.some((f) => f.startsWith(pointer + '/'));
  return holder && typeof value === 'object' && value !== null;
}

/** A copy of a Secret with every value masked, keys kept: data values become base64 of `<redacted>`, the rest `<redacted>`. */
export function redactSecretObject(object: KubeObject): KubeObject {
  if (object.kind !== 'Secret') return object;
  const out: KubeObject = { ...object };
  const mask = (field: 'data' | 'stringData', value: string) => {
    const map = out[field];
    if (map === null || typeof map !== 'object' || Array.isArray(map)) {
      if (map !== undefined && map !== null) out[field] = value;
      return;
    }
    out[field] = Object.fromEntries(Object.keys(map).map((k) => [k, value]));
  };
  mask('data', REDACTED_BASE64);
  mask('stringData', REDACTED);
  const metadata = out.metadata;
  if (isMap(metadata) && isMap(metadata.annotations) && metadata.annotations[LAST_APPLIED] !== undefined) {
    out.metadata = { ...metadata, annotations: { ...metadata.annotations, [LAST_APPLIED]: REDACTED } };
  }
  return out;
}

/**
 * The texts to scrub for one Secret: each value as written, as JSON quotes it, cut where
 * messages cut long values; for `data`, also base64-decoded.
 */
export function secretValuesOf(object: KubeObject): string[] {
  const out: string[] = [];
  const data = object.data;
  if (isMap(data)) {
    for (const v of Object.values(data)) {
      collect(v, out);
      if (typeof v === 'string') {
        const compact = v.replace(/\s+/g, '');
        addForms(compact, out);
        const decoded = decodeBase64Text(compact);
        if (decoded !== undefined) addForms(decoded, out);
      }
    }
  } else collect(data, out);
  collect(object.stringData, out);
  const metadata = object.metadata;
  if (isMap(metadata) && isMap(metadata.annotations)) collect(metadata.annotations[LAST_APPLIED], out);
  return out;
}

/** Remembers secret values as they were read (a secretGenerator's literals, env values, files), in every form `addForms` knows. */
export function rememberSecretValues(values: Iterable<string>): void {
  const forms: string[] = [];
  for (const v of values) addForms(v, forms);
  for (const f of forms) known.add(f);
}

/** Remembers the values of the Secrets among `resources`. Cheap when there are none: one kind check each. */
export function rememberSecrets(resources: Iterable<Pick<Resource, 'id' | 'object'>>): void {
  for (const r of resources) if (isSecretKind(r.id)) for (const f of secretValuesOf(r.object)) known.add(f);
}

/** `text` with every remembered secret value replaced by `<redacted>`. */
export function redactSecrets(text: string): string {
  return known.scrub(text);
}

/**
 * The second line of defence, run where a check finishes: remembers the Secrets of the run
 * and scrubs every remembered value out of the findings: their messages, and the names of
 * the resources they are about (a replacement may have copied a Secret value into a name),
 * which SARIF, JSON and JUnit show. Returns the input itself when nothing changed.
 */
export function redactDiagnostics(diagnostics: Diagnostic[], resources: Iterable<Pick<Resource, 'id' | 'object'>>): Diagnostic[] {
  rememberSecrets(resources);
  if (known.size === 0) return diagnostics;
  let changed = false;
  const out = diagnostics.map((d) => {
    const message = scrubMessage(d.message, d.path);
    // A pointer is made of keys, never of values: a Secret value that equals a field name
    // ("volumes") must not turn the pointer, or the field path in the message, into nonsense.
    const path = d.path;
    const resource = d.resource && redactDeep(d.resource);
    // A quick fix that would show a remembered value (its title, or text it writes) is dropped, not scrubbed: a scrubbed edit writes the wrong text.
    const leaks = d.suggestion !== undefined && [d.suggestion.title, ...d.suggestion.edits.map((e) => e.newText)].some((t) => typeof t === 'string' && known.scrub(t) !== t);
    if (message === d.message && path === d.path && resource === d.resource && !leaks) return d;
    changed = true;
    const { suggestion: _dropped, ...rest } = d;
    return { ...(leaks ? rest : d), message, path, ...(resource && { resource }) };
  });
  return changed ? out : diagnostics;
}

/**
 * A message with every remembered value scrubbed, except inside the field path of the finding's
 * pointer (`spec.volumes[0].rbd.pool`), wherever the message names it: that path is made of
 * field names and keys, which are never secret.
 */
function scrubMessage(message: string, pointer: string): string {
  const field = pointer ? pointerToFieldPath(pointer) : '';
  if (!field || !message.includes(field)) return known.scrub(message);
  return message
    .split(field)
    .map((part) => known.scrub(part))
    .join(field);
}

/**
 * A copy of plain data (a report, totals, resource ids) with every remembered secret value
 * scrubbed from its strings and map keys: what a report shows besides its messages (pod and
 * workload names, amounts) can hold a value a replacement copied out of a Secret. The value
 * itself when nothing changed, so unchanged parts keep their identity.
 */
export function redactDeep<T>(value: T): T {
  return known.size === 0 ? value : (scrubValue(value, 0) as T);
}

function scrubValue(value: unknown, depth: number): unknown {
  if (typeof value === 'string') return known.scrub(value);
  if (value === null || typeof value !== 'object' || depth > 64) return value;
  if (Array.isArray(value)) {
    const out = value.map((v) => scrubValue(v, depth + 1));
    return out.some((v, i) => v !== value[i]) ? out : value;
  }
  let changed = false;
  const entries = Object.entries(value).map(([k, v]) => {
    const key = known.scrub(k);
    const scrubbed = scrubValue(v, depth + 1);
    if (key !== k || scrubbed !== v) changed = true;
    return [key, scrubbed] as const;
  });
  return changed ? Object.fromEntries(entries) : value;
}

/** Forgets every remembered value (tests). */
export function forgetSecrets(): void {
  known.clear();
}

/**
 * A set of strings found in text in one pass: indexed by their first three characters (as one
 * number, so looking a position up allocates nothing), longest first, so scrubbing costs a map
 * lookup per character of the text, however many values are known.
 */
class Needles {
  private readonly order = new Set<string>();
  /**
   * Sets, so that forgetting the oldest value costs nothing however many share its prefix: with
   * lists, a 200 MB file's 38,000 Secrets (their URLs all `pos...`) past MAX_REMEMBERED cost a scan
   * of the list per value remembered, minutes in all.
   */
  private readonly byPrefix = new Map<number, Set<string>>();
  /** The values of a prefix longest first, made when scrubbing needs them. */
  private readonly sorted = new Map<number, string[]>();

  get size(): number {
    return this.order.size;
  }

  add(value: string): void {
    if (value.length < MIN_SCRUBBED_LENGTH || value.length > MAX_SCRUBBED_LENGTH || value === REDACTED || this.order.has(value)) return;
    if (this.order.size >= MAX_REMEMBERED) this.delete(this.order.values().next().value!);
    this.order.add(value);
    const prefix = prefixAt(value, 0);
    const values = this.byPrefix.get(prefix);
    if (values) values.add(value);
    else this.byPrefix.set(prefix, new Set([value]));
    this.sorted.delete(prefix);
  }

  clear(): void {
    this.order.clear();
    this.byPrefix.clear();
    this.sorted.clear();
  }

  scrub(text: string): string {
    if (this.order.size === 0 || text.length < MIN_SCRUBBED_LENGTH) return text;
    let out = '';
    let copied = 0;
    for (let i = 0; i <= text.length - MIN_SCRUBBED_LENGTH; ) {
      const candidates = this.longestFirst(prefixAt(text, i));
      const hit = candidates?.find((c) => text.startsWith(c, i));
      if (!hit) {
        i++;
        continue;
      }
      out += text.slice(copied, i) + REDACTED;
      i += hit.length;
      copied = i;
    }
    return copied === 0 ? text : out + text.slice(copied);
  }

  private longestFirst(prefix: number): string[] | undefined {
    let list = this.sorted.get(prefix);
    if (list) return list;
    const values = this.byPrefix.get(prefix);
    if (!values) return undefined;
    list = [...values].sort((a, b) => b.length - a.length); // stable: equal lengths in the order remembered
    this.sorted.set(prefix, list);
    return list;
  }

  private delete(value: string): void {
    this.order.delete(value);
    const prefix = prefixAt(value, 0);
    const values = this.byPrefix.get(prefix);
    values?.delete(value);
    if (values?.size === 0) this.byPrefix.delete(prefix);
    this.sorted.delete(prefix);
  }
}

/** Three UTF-16 code units from `i` as one exact number (48 bits). */
function prefixAt(text: string, i: number): number {
  return (text.charCodeAt(i) * 65536 + text.charCodeAt(i + 1)) * 65536 + text.charCodeAt(i + 2);
}

const known = new Needles();

/** A value's scalars (and, for a short list or map, its JSON), in every form `addForms` knows. */
function collect(value: unknown, out: string[], depth = 0): void {
  if (value === null || value === undefined || depth > 64) return;
  if (typeof value === 'string') addForms(value, out);
  else if (typeof value === 'number' || typeof value === 'bigint' || typeof value === 'boolean') addForms(String(value), out);
  else if (typeof value === 'object') {
    addForms(JSON.stringify(value), out);
    for (const v of Object.values(value)) collect(v, out, depth + 1);
  }
}

/** Where messages show values: as written, JSON-quoted (escapes), cut at 80 characters (schema messages). */
function addForms(value: string, out: string[]): void {
  const forms = new Set([value, JSON.stringify(value).slice(1, -1), value.slice(0, 80), JSON.stringify(value.slice(0, 80)).slice(1, -1)]);
  for (const f of forms) if (f.length >= MIN_SCRUBBED_LENGTH) out.push(f);
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Base64 that decodes to UTF-8 text; undefined for anything else (binary values cannot appear in a message as they are). */
function decodeBase64Text(b64: string): string | undefined {
  if (b64.length === 0 || !/^[A-Za-z0-9+/]*={0,2}$/.test(b64)) return undefined;
  try {
    return utf8.decode(Buffer.from(b64, 'base64'));
  } catch {
    return undefined;
  }
}

