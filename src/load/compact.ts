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
 * Puts values into the containers of a compact copy: equal strings shared through the pool, long
 * strings met for the first time set now and replaced by their copies in `finish` (all of a
 * document's at once). Used by compactValue, and by plain-value.ts, which builds a document's
 * value straight from the yaml nodes.
 */
export class Compactor {
  // Long strings met for the first time, and where each goes: copied together at the end.
  private readonly fresh: string[] = [];
  private readonly freshIndex = new Map<string, number>();
  private readonly places: { container: Record<string, unknown> | unknown[]; key: string | number; index: number }[] = [];

  constructor(private readonly pool: StringPool) {}

  put(container: Record<string, unknown> | unknown[], key: string | number, item: unknown): void {
    if (typeof item === 'string' && item.length >= 4) {
      const known = this.pool.get(item);
      if (known !== undefined) item = known;
      else if (item.length < VIEW_LENGTH) this.pool.add(item);
      else {
        // Set now all the same, replaced by its copy below: the keys keep the order they were written in.
        let index = this.freshIndex.get(item);
        if (index === undefined) this.freshIndex.set(item, (index = this.fresh.push(item) - 1));
        this.places.push({ container, key, index });
      }
    }
    setOwn(container, key, item);
  }

  /** Replaces every long string put by its copy. */
  finish(): void {
    if (this.fresh.length === 0) return;
    const copied = JSON.parse(JSON.stringify(this.fresh)) as string[];
    for (const s of copied) this.pool.add(s);
    for (const { container, key, index } of this.places) setOwn(container, key, copied[index]);
  }
}

function setOwn(container: Record<string, unknown> | unknown[], key: string | number, item: unknown): void {
  if (typeof key === 'number') (container as unknown[])[key] = item;
  // A key named __proto__ is data (toJS defines it so); plain assignment would set the prototype.
  else if (key === '__proto__') Object.defineProperty(container, key, { value: item, enumerable: true, writable: true, configurable: true });
  else (container as Record<string, unknown>)[key] = item;
}

/**
 * The copy. `shared`: the document has aliases, whose values toJS hands out as one object
 * in several places; they stay one object (and one copy) here.
 */
export function compactValue(value: unknown, pool: StringPool, shared: boolean): unknown {
  const copies = shared ? new Map<object, unknown>() : undefined;
  const compactor = new Compactor(pool);
  const put = (container: Record<string, unknown> | unknown[], key: string | number, item: unknown) => compactor.put(container, key, item);
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
  compactor.finish();
  return root.value;
}
