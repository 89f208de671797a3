/**
 * A plain document's value in one walk over its yaml nodes, in the compact form compact.ts keeps
 * values in. Most manifests are plain: string keys, no anchor, no alias, no merge key, no key
 * given twice. For them the checks of parse.ts (duplicate keys, alias expansion, invalid keys)
 * have nothing to find, and toJS followed by compactValue builds the same value in two more
 * walks: three walks and a throw-away copy of every document, a tenth of a large run's CPU.
 *
 * The walk gives up (undefined) at the first thing that is not plain, and parse.ts then takes the
 * general path, which checks and reports it as before: so the value here must be, and is, what
 * `compactValue(doc.toJS(), pool, false)` gives for a plain document (yaml's toJS keeps a
 * scalar's value as it is, and makes a mapping's keys own properties in the order written).
 */
import { Pair, Scalar, YAMLMap, YAMLSeq, type Node } from 'yaml';
import { Compactor, type StringPool } from './compact.js';

/** Why the walk stopped: nothing here is reported, the general path finds it again. */
class NotPlain extends Error {}
const notPlain = new NotPlain();

export function plainValue(root: Node, pool: StringPool): { value: unknown } | undefined {
  const compactor = new Compactor(pool);
  const holder: Record<string, unknown> = {};
  try {
    compactor.put(holder, 'value', valueOf(root, compactor));
  } catch (err) {
    if (err === notPlain) return undefined;
    throw err;
  }
  compactor.finish();
  return { value: holder.value };
}

function valueOf(node: unknown, compactor: Compactor): unknown {
  if (node === null) return null; // a pair without a value node: toJS gives null
  if (typeof node !== 'object' || (node as Node).anchor !== undefined) throw notPlain;
  const proto = Object.getPrototypeOf(node);
  if (proto === Scalar.prototype) {
    const v = (node as Scalar).value;
    // A merge marker as a value is refused by the general path; an object would be copied by compactValue.
    if (typeof v === 'symbol' || (typeof v === 'object' && v !== null && (Array.isArray(v) || Object.getPrototypeOf(v) === Object.prototype))) throw notPlain;
    return v;
  }
  if (proto === YAMLMap.prototype) {
    const map: Record<string, unknown> = {};
    for (const pair of (node as YAMLMap).items) {
      if (Object.getPrototypeOf(pair) !== Pair.prototype) throw notPlain;
      const key = pair.key as Node | null;
      if (key === null || Object.getPrototypeOf(key) !== Scalar.prototype || key.anchor !== undefined) throw notPlain;
      const name = (key as Scalar).value;
      // `<<` is a merge key to yaml's toJS even as a plain string; a key given twice is reported.
      if (typeof name !== 'string' || name === '<<' || Object.prototype.hasOwnProperty.call(map, name)) throw notPlain;
      compactor.put(map, name, valueOf(pair.value, compactor));
    }
    return map;
  }
  if (proto === YAMLSeq.prototype) {
    const items = (node as YAMLSeq).items;
    const list: unknown[] = new Array(items.length); // exactly as long as it is
    for (let i = 0; i < items.length; i++) {
      const item = items[i];
      if (item === null || item === undefined) throw notPlain;
      compactor.put(list, i, valueOf(item, compactor));
    }
    return list;
  }
  throw notPlain; // an alias, or a collection of another class (a tag's)
}
