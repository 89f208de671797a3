/** RFC 6901 JSON pointers: label keys such as `app.kubernetes.io/name` need the `~1` escape. */

export function escapeSegment(segment: string | number): string {
  return String(segment).replace(/~/g, '~0').replace(/\//g, '~1');
}

export function unescapeSegment(segment: string): string {
  return segment.replace(/~1/g, '/').replace(/~0/g, '~');
}

export function joinPointer(segments: readonly (string | number)[]): string {
  return segments.map((s) => '/' + escapeSegment(s)).join('');
}

/** Splits a pointer into unescaped segments; '' is the whole document. */
export function parsePointer(pointer: string): string[] {
  if (pointer === '') return [];
  if (!pointer.startsWith('/')) throw new Error(`invalid JSON pointer ${JSON.stringify(pointer)}: must be empty or start with "/"`);
  return pointer.slice(1).split('/').map(unescapeSegment);
}

/** The value at `pointer` in plain data, or undefined; own keys only, so a key `toString` reads no function of Object.prototype. */
export function valueAt(value: unknown, pointer: string): unknown {
  let current = value;
  for (const segment of parsePointer(pointer)) {
    if (current === null || typeof current !== 'object' || !Object.hasOwn(current, segment)) return undefined;
    current = (current as Record<string, unknown>)[segment];
  }
  return current;
}

/**
 * `/spec/containers/0/image` -> `spec.containers[0].image`, the way the API server names fields;
 * map keys that are not plain names print as `[key]` (`metadata.annotations[example.com/x]`).
 */
export function pointerToFieldPath(pointer: string): string {
  let out = '';
  for (const seg of parsePointer(pointer)) {
    if (/^(0|[1-9][0-9]*)$/.test(seg) || !/^[A-Za-z_$][A-Za-z0-9_$-]*$/.test(seg)) out += `[${seg}]`;
    else out += (out ? '.' : '') + seg;
  }
  return out;
}
