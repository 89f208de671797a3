/**
 * What every fuzz input must satisfy, whatever the bytes: problems come back as positioned
 * diagnostics (never exceptions, never `internal-error`), and every diagnostic is well formed.
 */
import type { Diagnostic } from '../../src/core/index.js';

const SEVERITIES = new Set(['error', 'warning', 'info']);
/** A V8 stack frame line, as it would appear in a message or on stderr. */
export const STACK_FRAME = /\n\s+at \S/;

export interface DiagnosticExpectations {
  /** Texts of the files the diagnostics may point into, by the name they are reported under: positions must lie inside. */
  texts?: ReadonlyMap<string, string>;
}

function lineCount(text: string): number {
  // the yaml package's LineCounter counts \n only; a position may sit just past the last line
  let n = 1;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) n++;
  return n;
}

/** Every way a diagnostic can be malformed, as short messages (empty: all well formed). */
export function diagnosticViolations(diagnostics: readonly Diagnostic[], expect: DiagnosticExpectations = {}): string[] {
  const out: string[] = [];
  const lines = new Map<string, number>();
  for (const d of diagnostics) {
    const where = `${d.ruleId}@${d.file}:${d.line}:${d.column}`;
    const bad = (what: string) => out.push(`${what}: ${where} ${JSON.stringify(d.message).slice(0, 300)}`);
    if (typeof d.ruleId !== 'string' || d.ruleId === '') bad('diagnostic without a rule id');
    if (d.ruleId === 'internal-error') bad('internal-error diagnostic (a crash caught)');
    if (!SEVERITIES.has(d.severity)) bad(`bad severity ${String(d.severity)}`);
    if (typeof d.message !== 'string' || d.message.trim() === '') bad('empty message');
    else if (STACK_FRAME.test(d.message)) bad('stack trace in a message');
    if (typeof d.file !== 'string' || d.file === '') bad('diagnostic without a file');
    for (const k of ['line', 'column', 'endLine', 'endColumn'] as const) {
      if (!Number.isInteger(d[k]) || d[k] < 1) bad(`${k} is ${String(d[k])}, not a 1-based position`);
    }
    if (d.endLine < d.line || (d.endLine === d.line && d.endColumn < d.column)) bad(`span ends before it starts (${d.line}:${d.column}-${d.endLine}:${d.endColumn})`);
    if (typeof d.path !== 'string' || (d.path !== '' && !d.path.startsWith('/'))) bad(`path ${JSON.stringify(d.path)} is not a JSON pointer`);
    const text = expect.texts?.get(d.file);
    if (text !== undefined) {
      let n = lines.get(d.file);
      if (n === undefined) lines.set(d.file, (n = lineCount(text)));
      if (d.line > n || d.endLine > n) bad(`position past the end of the file (${n} lines): ${d.line}-${d.endLine}`);
    }
  }
  return out;
}

/** An exception is a violation, whatever it is; its first frames say where. */
export function describeThrow(err: unknown): string {
  if (err instanceof Error) {
    const frames = (err.stack ?? '').split('\n').filter((l) => /^\s+at /.test(l)).slice(0, 6).map((l) => l.trim());
    return `threw ${err.name}: ${err.message.slice(0, 500)}${frames.length ? `\n      ${frames.join('\n      ')}` : ''}`;
  }
  return `threw ${String(err)}`;
}

const PROTOTYPES = [Object.prototype, Array.prototype] as const;

/**
 * Keys an input added to Object.prototype or Array.prototype, removed again so they are not
 * blamed on the inputs after it. Such a key breaks every later run in the process (Ajv recursed
 * without end on an inherited object-valued key), far from the input that wrote it.
 */
export function prototypePollution(): string[] {
  const out: string[] = [];
  for (const proto of PROTOTYPES) {
    for (const key of Object.keys(proto)) {
      out.push(`${proto === Object.prototype ? 'Object' : 'Array'}.prototype gained the key ${JSON.stringify(key)} (an input key written through __proto__?)`);
      delete (proto as unknown as Record<string, unknown>)[key];
    }
  }
  return out;
}
