/**
 * Text from manifests on a terminal: a key or value holding ESC (`\x1b[2J`, an OSC 8 link, a
 * title change), a carriage return that overwrites the line before it, or a bidirectional
 * override that shows code in another order than it runs ("Trojan Source") must reach the
 * screen as visible escapes, never as what it would do. Control characters (C0 but for a kept
 * newline, DEL, C1 — 0x9b is a one-byte CSI) and the bidi embedding, override and isolate marks
 * become `\xHH` / `\uHHHH`, as Go's %q writes them.
 */
// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\u2028\u2029]/g;
// eslint-disable-next-line no-control-regex
const UNSAFE_WITH_NEWLINE = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\u2028\u2029]/g;

const NAMED: Record<string, string> = { '\t': '\\t', '\n': '\\n', '\r': '\\r' };

export function escapeTerminal(text: string, { keepNewlines = false } = {}): string {
  return text.replace(keepNewlines ? UNSAFE : UNSAFE_WITH_NEWLINE, (c) => {
    const named = NAMED[c];
    if (named) return named;
    const code = c.charCodeAt(0);
    return code < 0x100 ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
  });
}
