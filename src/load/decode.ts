/**
 * Bytes to YAML source text: UTF-8 (BOM tolerated), UTF-16 with a BOM; anything else is a
 * positioned problem. Line breaks are read as kubectl reads them (see yamlLineBreaks).
 */
import type { Diagnostic } from '../core/index.js';
import { problem } from './problem.js';

export type Decoded = { text: string } | { problem: Diagnostic };

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

export function decodeSource(bytes: Uint8Array, file: string): Decoded {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: yamlLineBreaks(new TextDecoder('utf-16le').decode(bytes)) };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: yamlLineBreaks(new TextDecoder('utf-16be').decode(bytes)) };
  const nul = bytes.indexOf(0);
  if (nul !== -1) {
    const at = positionOfByte(bytes, nul);
    return {
      problem: problem('binary-file', file, `binary file: NUL byte at byte offset ${nul}; not YAML or JSON`, at),
    };
  }
  try {
    return { text: yamlLineBreaks(utf8.decode(bytes)) };
  } catch {
    const bad = firstInvalidUtf8(bytes);
    const at = positionOfByte(bytes, bad);
    const byte = bytes[bad] ?? 0;
    return {
      problem: problem(
        'invalid-encoding',
        file,
        `invalid UTF-8: byte 0x${byte.toString(16).padStart(2, '0')} at byte offset ${bad}; save the file as UTF-8`,
        at,
      ),
    };
  }
}

/**
 * A lone carriage return (old Mac line endings) as the line break it is: kubectl decodes YAML
 * with go-yaml (sigs.k8s.io/yaml/goyaml.v2, scannerc.go: read_line and skip_line), which takes
 * CR LF, CR and LF each as one line break and counts lines so. The yaml package takes only LF
 * and CR LF, so a CR-only file would be one long line. Each lone CR becomes an LF: one character
 * for one, so every offset stays where it was and every position counts CR as a break; CR LF is
 * left alone. (kubectl's document splitter, apimachinery's util/yaml YAMLReader, reads lines up
 * to LF only and so would not split a CR-only stream at its `---`; go-yaml would then read just
 * its first document. Here every document is read, as go-yaml reads a stream.)
 */
export function yamlLineBreaks(text: string): string {
  // The same string back when there is none (most files: no copy of a large text).
  return text.indexOf('\r') === -1 || !LONE_CR.test(text) ? text : text.replace(/\r(?!\n)/g, '\n');
}

const LONE_CR = /\r(?!\n)/;

/** Offset of the first byte that does not start or continue a well-formed UTF-8 sequence. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    let need: number;
    let min: number;
    if (b < 0x80) { i++; continue; }
    else if (b >= 0xc2 && b <= 0xdf) { need = 1; min = 0x80; }
    else if (b >= 0xe0 && b <= 0xef) { need = 2; min = 0x800; }
    else if (b >= 0xf0 && b <= 0xf4) { need = 3; min = 0x10000; }
    else return i;
    let cp = b & (0x3f >> need);
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (c & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += need + 1;
  }
  return bytes.length;
}

/** 1-based line and column (in characters of the valid prefix) of a byte offset. */
function positionOfByte(bytes: Uint8Array, offset: number) {
  const before = yamlLineBreaks(new TextDecoder('utf-8').decode(bytes.subarray(0, offset)));
  const lastNl = before.lastIndexOf('\n');
  const line = countNewlines(before) + 1;
  const column = before.length - lastNl;
  return { line, column, endLine: line, endColumn: column + 1 };
}

function countNewlines(s: string): number {
  let n = 0;
  for (let i = s.indexOf('\n'); i !== -1; i = s.indexOf('\n', i + 1)) n++;
  return n;
}
