/**
 * A document's value, copied into the smallest form V8 keeps it in: resources live for the
 * whole run, so every byte per value counts once per value of the input.
 * - The yaml package builds arrays by pushing (V8 then reserves 17 slots for a list of one):
 *   each array is copied at its exact length.
 * - Equal strings are shared: the same name, label or image written eight times in an app is
 *   one string, not eight.
 * - No string is a slice of the file's text. V8 makes a substring of 13 characters or more a
 *   view into the string it came from, and the yaml package takes every scalar from the text
 *   so, which kept each file's whole text alive for as long as any of its values. The long ones
 *   are copied, all of a document's at once (one JSON round trip of a list of strings: a copy
 *   per string through any other call cost twice the parse).
 */

/** Strings of this length or more may be views into the text (V8's SlicedString::kMinLength). */
const VIEW_LENGTH = 13;

/** Equal strings seen recently, each kept once. Cleared when full, so its own size stays bounded. */
export class StringPool {
  private strings = new Map<string, string>();

  constructor(private readonly capacity = 1 << 16) {}

  get(s: string): string | undefined {
    return this.strings.get(s);
  }

  add(s: string): void {
    if (this.strings.size >= this.capacity) this.strings = new Map();
    this.strings.set(s, s);
  }
}

/**
 * The copy. `shared`: the document has aliases, whose values toJS hands out as one object
 * in several places; they stay one object (and one copy) here.
 */
export function compactValue(value: unknown, pool: StringPool, shared: boolean): unknown {
  const copies = shared ? new Map<object, unknown>() : undefined;
  // Long strings met for the first time, and where each goes: copied together at the end.
  const fresh: string[] = [];
  const freshIndex = new Map<string, number>();
  const places: { container: Record<string, unknown> | unknown[]; key: string | number; index: number }[] = [];
  const put = (container: Record<string, unknown> | unknown[], key: string | number, item: unknown) => {
    if (typeof item === 'string' && item.length >= 4) {
      const known = pool.get(item);
      if (known !== undefined) item = known;
      else if (item.length < VIEW_LENGTH) pool.add(item);
      else {
        // Set now all the same, replaced by its copy below: the keys keep the order they were written in.
        let index = freshIndex.get(item);
        if (index === undefined) freshIndex.set(item, (index = fresh.push(item) - 1));
        places.push({ container, key, index });
      }
    }
    if (typeof key === 'number') (container as unknown[])[key] = item;
    // A key named __proto__ is data (toJS defines it so); plain assignment would set the prototype.
    else if (key === '__proto__') Object.defineProperty(container, key, { value: item, enumerable: true, writable: true, configurable: true });
    else (container as Record<string, unknown>)[key] = item;
  };
  const copy = (v: unknown): unknown => {
    if (typeof v !== 'object' || v === null) return v;
    const known = copies?.get(v);
    if (known !== undefined) return known;
    if (Array.isArray(v)) {
      const list = v.slice(); // exactly as long as it is, and packed
      copies?.set(v, list);
      for (let i = 0; i < list.length; i++) put(list, i, copy(list[i]));
      return list;
    }
    if (Object.getPrototypeOf(v) !== Object.prototype) return v; // nothing else comes out of toJS with kubeproof's tags
    const map: Record<string, unknown> = {};
    copies?.set(v, map);
    for (const key of Object.keys(v)) put(map, key, copy((v as Record<string, unknown>)[key]));
    return map;
  };
  const root = { value };
  put(root, 'value', copy(value));
  if (fresh.length > 0) {
    const copied = JSON.parse(JSON.stringify(fresh)) as string[];
    for (const s of copied) pool.add(s);
    for (const { container, key, index } of places) {
      if (typeof key === 'number') (container as unknown[])[key] = copied[index];
      else if (key === '__proto__') Object.defineProperty(container, key, { value: copied[index], enumerable: true, writable: true, configurable: true });
      else (container as Record<string, unknown>)[key] = copied[index];
    }
  }
  return root.value;
}
