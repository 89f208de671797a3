/**
 * Text from the inputs (names, labels, messages, file names) made inert in HTML: the five
 * characters that could open a tag, an entity or leave an attribute value are written as
 * character references, so a hostile manifest shows its text and never adds markup. The same
 * escape serves text and (always double-quoted) attribute values. Control characters other than
 * tab and newline become U+FFFD: HTML forbids them, and a browser would show nothing for them.
 */
const REFERENCES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

// eslint-disable-next-line no-control-regex
const UNSAFE = /[&<>"']|[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;

export function escapeHtml(text: string): string {
  return text.replace(UNSAFE, (c) => REFERENCES[c] ?? '\ufffd');
}

/** A tag's attributes from name → value; undefined values are left out, every value escaped. */
export function attributes(attrs: Record<string, string | number | undefined>): string {
  return Object.entries(attrs)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => ` ${k}="${escapeHtml(String(v))}"`)
    .join('');
}
