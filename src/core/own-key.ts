/**
 * Reading and writing a manifest map by a key taken from the input. The yaml package makes a
 * `__proto__:` key an own property of the parsed map, but on a map without one `map[key]` reads
 * Object.prototype and `map[key] = v` replaces the map's prototype. A walker that then writes into
 * "the child map" writes into Object.prototype, and every object of the process gains the key:
 * Ajv's schema traversal (json-schema-traverse walks keys with for..in) then recursed without end
 * on every later schema it compiled. Use these wherever a key comes from a manifest, patch or path.
 */
export function ownValue(map: object, key: string | number): unknown {
  return Object.hasOwn(map, key) ? (map as Record<string | number, unknown>)[key] : undefined;
}

export function setOwn(map: object, key: string | number, value: unknown): void {
  if (key === '__proto__') Object.defineProperty(map, key, { value, writable: true, enumerable: true, configurable: true });
  else (map as Record<string | number, unknown>)[key] = value;
}
