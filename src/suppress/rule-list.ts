/**
 * The part of a suppression after its name: `rule-a, rule-b -- reason`. Shared by comments and the annotation,
 * so both accept the same text: ids separated by commas and/or whitespace, `*` for every rule, and a reason after
 * ` -- ` (ESLint's separator) or ` # ` (natural in YAML; the syntax for the annotation).
 */

export interface ListItem {
  /** null for `*`. */
  ruleId: string | null;
  /** Offset of the id inside the parsed text. */
  start: number;
  end: number;
}

export interface ParsedList {
  /** Empty when no id is written: the suppression covers every rule. */
  items: ListItem[];
  reason?: string;
}

/** A reason starts at `--` (two or more dashes, followed by whitespace or the end) or `#`, after whitespace or at the start. */
const REASON = /(?:^|\s)(?:-{2,}(?=\s|$)|#)/;

export function parseRuleList(text: string): ParsedList {
  const sep = REASON.exec(text);
  const listEnd = sep ? sep.index : text.length;
  const items: ListItem[] = [];
  for (const m of text.slice(0, listEnd).matchAll(/[^\s,]+/g)) {
    items.push({ ruleId: m[0] === '*' ? null : m[0], start: m.index, end: m.index + m[0].length });
  }
  const out: ParsedList = { items };
  if (sep) {
    const reason = text.slice(sep.index + sep[0].length).trim();
    if (reason) out.reason = reason;
  }
  return out;
}
