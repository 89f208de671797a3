/** JSON 6902 patches through fast-json-patch, with kustomize's (json-patch v4) error texts. */
import { jsonText, stringOf } from '../core/index.js';
import fastJsonPatch from 'fast-json-patch';
import { BuildError } from './errors.js';

const { applyPatch } = fastJsonPatch;

interface Op {
  op: string;
  path: string;
  from?: string;
  value?: unknown;
}

export function applyJson6902(object: Record<string, unknown>, ops: Op[], blame: { file: string; pointer: string }): Record<string, unknown> {
  // kustomize applies JSON patches to the object's JSON: an integer kept whole beyond 2^53
  // (a bigint) becomes a float64 there, as it does here.
  let doc = JSON.parse(JSON.stringify(object, (_key, v: unknown) => (typeof v === 'bigint' ? Number(v) : v))) as Record<string, unknown>;
  for (const raw of ops as unknown[]) {
    const op = { ...checkShape(raw, blame) };
    op.path = normalize(op.path);
    if (op.from !== undefined) op.from = normalize(op.from);
    if (!['add', 'remove', 'replace', 'move', 'copy', 'test'].includes(op.op)) throw new BuildError(`Unexpected kind: ${op.op}`, blame.file, blame.pointer);
    const exists = (ptr: string) => lookup(doc, ptr) !== MISSING;
    const parent = op.path.slice(0, op.path.lastIndexOf('/'));
    if (op.op === 'test') {
      if (jsonText(lookup(doc, op.path)) !== jsonText(op.value)) throw new BuildError(`testing value ${op.path} failed: test failed`, blame.file, blame.pointer);
      continue;
    }
    if (op.op === 'remove' && !exists(op.path)) {
      const key = op.path.slice(op.path.lastIndexOf('/') + 1);
      throw new BuildError(`error in remove for path: '${op.path}': Unable to remove nonexistent key: ${key}: missing value`, blame.file, blame.pointer);
    }
    if ((op.op === 'add' || op.op === 'replace') && parent !== '' && !exists(parent)) {
      const message = op.op === 'add' ? `add operation does not apply: doc is missing path: "${op.path}": missing value` : `replace operation does not apply: doc is missing path: ${op.path}: missing value`;
      throw new BuildError(message, blame.file, blame.pointer);
    }
    // json-patch v4: replacing a missing map key adds it; copying from nowhere copies null.
    if (op.op === 'replace' && !exists(op.path) && !Array.isArray(lookup(doc, parent))) op.op = 'add';
    if (op.op === 'copy' && op.from !== undefined && !exists(op.from)) {
      op.op = 'add';
      op.value = null;
      delete op.from;
    }
    if (op.op === 'move' && op.from !== undefined && !exists(op.from)) {
      throw new BuildError(`error in move for path: '${op.from.slice(1)}': Unable to remove nonexistent key: ${op.from.slice(op.from.lastIndexOf('/') + 1)}: missing value`, blame.file, blame.pointer);
    }
    try {
      doc = applyPatch(doc, [op as never], false, true).newDocument;
    } catch (err) {
      throw new BuildError(`${op.op} operation does not apply: ${(err as Error).message.split('\n')[0]}`, blame.file, blame.pointer);
    }
  }
  return doc;
}

/** What json-patch refuses to decode: an operation that is not a mapping, a path or from that is not a string. */
function checkShape(raw: unknown, blame: { file: string; pointer: string }): Op {
  const refuse = (why: string): never => {
    throw new BuildError(`unable to apply JSON patch: ${why}`, blame.file, blame.pointer);
  };
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return refuse('each operation must be a mapping');
  const op = raw as Record<string, unknown>;
  const name = typeof op.op === 'string' ? op.op : 'unknown';
  if (op.path === undefined || op.path === null) return refuse(`${name} operation: operation missing path field`);
  if (typeof op.path !== 'string') return refuse(`${name} operation: path must be a string`);
  if (op.from !== undefined && op.from !== null && typeof op.from !== 'string') return refuse(`${name} operation: from must be a string`);
  const checked = { ...op, op: stringOf(op.op), path: op.path } as Op;
  if (typeof op.from !== 'string') delete checked.from;
  return checked;
}

const MISSING = Symbol('missing');

function lookup(doc: unknown, pointer: string): unknown {
  if (pointer === '') return doc;
  let cur: unknown = doc;
  for (const raw of pointer.slice(1).split('/')) {
    const seg = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (Array.isArray(cur)) {
      if (!/^\d+$/.test(seg) || Number(seg) >= cur.length) return MISSING;
      cur = cur[Number(seg)];
    } else if (cur !== null && typeof cur === 'object' && Object.hasOwn(cur, seg)) {
      cur = (cur as Record<string, unknown>)[seg];
    } else return MISSING;
  }
  return cur;
}

/** kustomize drops the first segment whatever it is, so "spec/x" acts like "/x". */
function normalize(path: string): string {
  return path.startsWith('/') ? path : '/' + path.slice(path.indexOf('/') + 1);
}
