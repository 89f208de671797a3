/**
 * Suppressions applied to a run's diagnostics, after ESLint's apply-disable-directives: the broadest suppressions
 * take a finding first (file-wide comments, then resource annotations, then next-line comments), and a suppression
 * left with nothing to suppress is reported as `unused-suppression`, so a narrower one made redundant by a broader
 * one is reported too.
 */
import { formatResourceId, sortDiagnostics, type Diagnostic, type Resource, type Severity, type SourceSpan } from '../core/index.js';
import type { LoadProblemId } from '../load/index.js';
import { annotationSuppressions, IGNORE_POINTER, resourceKey } from './annotation.js';
import { FILE, NEXT_LINE, scanComments, type MalformedDirective } from './comments.js';
import { INVALID_SUPPRESSION, invalidSuppressionMeta, isSuppressionFinding, UNUSED_SUPPRESSION, unusedSuppressionMeta } from './meta.js';
import type { SuppressedDiagnostic, Suppression, SuppressionEntry } from './types.js';

/** A set of rule ids, or a predicate over them. */
export type RuleFilter = ReadonlySet<string> | ((ruleId: string) => boolean);

export interface SuppressionInput {
  /** The run's resources (rendered ones for kustomizations): their `kubeproof.dev/ignore` annotations are read. */
  resources: readonly Resource[];
  /**
   * The text of a file as the user sees it, keyed by `Diagnostic.file` (the display path): read from disk, the stdin
   * buffer or an editor buffer. undefined: the file's comments are not read (no directive there is applied or reported).
   */
  text(file: string): string | undefined;
  /** False for a file known to hold no directive comment: its text is then not read for them. */
  mayHaveDirectives?(file: string): boolean;
  /**
   * More files to read directive comments from, besides those of the diagnostics and of the resources: pass the run's
   * checked files, so an unused directive in a file with no findings is reported too.
   */
  files?: Iterable<string>;
  /**
   * Rules that ran. A suppression of a rule that did not run (disabled, or not run by this command) is not reported
   * as unused. Absent: every rule ran.
   */
  ranRules?: RuleFilter;
  /** Every rule id any stage can report. A suppression naming another id is `invalid-suppression`. Absent: not checked. */
  knownRules?: RuleFilter;
  /** Severity overrides, as in the lint options: `unused-suppression` and `invalid-suppression` may be set or turned `off`. */
  severities?: Readonly<Record<string, Severity | 'off'>>;
}

export interface SuppressionResult {
  /** The findings kept, plus `unused-suppression` and `invalid-suppression` findings, sorted with sortDiagnostics. */
  diagnostics: Diagnostic[];
  /** The findings suppressed, each with the suppression that took it (for SARIF `suppressions`, or a `--report-suppressed`). */
  suppressed: SuppressedDiagnostic[];
  /** Every suppression found. */
  suppressions: Suppression[];
}

/** The kept diagnostics, plus findings about unused or invalid suppressions, sorted. */
export function applySuppressions(diagnostics: readonly Diagnostic[], input: SuppressionInput): Diagnostic[] {
  return resolveSuppressions(diagnostics, input).diagnostics;
}

/**
 * Notes that a file was skipped, not checked: a kustomization or a patch met by a plain (not rendered) load. Their
 * comments are meant for the rendered run, so here they are not reported as unused.
 */
const SKIPPED: ReadonlySet<string> = new Set<LoadProblemId>(['kustomization-file', 'kustomize-patch', 'kustomize-config', 'helm-chart']);

interface State {
  used: boolean[];
  /** For an entry that matched a finding another suppression took: that suppression. */
  shadowedBy: (Suppression | undefined)[];
}

export function resolveSuppressions(diagnostics: readonly Diagnostic[], input: SuppressionInput): SuppressionResult {
  // Comments: in every file of the run, each read once.
  const files = new Set<string>(input.files ?? []);
  for (const d of diagnostics) files.add(d.file);
  for (const r of input.resources) files.add(r.source.file);
  const comments: Suppression[] = [];
  const malformed: MalformedDirective[] = [];
  for (const file of [...files].sort()) {
    if (input.mayHaveDirectives?.(file) === false) continue;
    const text = input.text(file);
    if (text === undefined) continue;
    const scanned = scanComments(text, file);
    comments.push(...scanned.suppressions);
    malformed.push(...scanned.malformed);
  }
  const annotations = annotationSuppressions(input.resources, input.text);
  const all = [...comments, ...annotations.suppressions];
  const states = new Map<Suppression, State>(all.map((s) => [s, { used: s.entries.map(() => false), shadowedBy: s.entries.map(() => undefined) }]));

  const fileWide = new Map<string, Suppression[]>();
  const nextLine = new Map<string, Suppression[]>();
  for (const s of comments) {
    if (s.kind === 'file') push(fileWide, s.file, s);
    else if (s.targetLine !== undefined) push(nextLine, lineKey(s.file, s.targetLine), s);
  }
  // Resources by id, annotated or not: two resources with one id are told apart by file where possible.
  const byId = new Map<string, { file: string; suppression: Suppression | undefined }[]>();
  for (const r of input.resources) push(byId, resourceKey(r.id), { file: r.source.file, suppression: annotations.byResource.get(r) });
  const annotationsFor = (d: Diagnostic): Suppression[] => {
    if (!d.resource) return [];
    const candidates = byId.get(resourceKey(d.resource)) ?? [];
    const sameFile = candidates.length > 1 ? candidates.filter((c) => c.file === d.file) : [];
    const found = (sameFile.length > 0 ? sameFile : candidates).flatMap((c) => (c.suppression ? [c.suppression] : []));
    return [...new Set(found)];
  };

  const kept: Diagnostic[] = [];
  const suppressed: SuppressedDiagnostic[] = [];
  for (const d of diagnostics) {
    if (isSuppressionFinding(d.ruleId)) {
      kept.push(d);
      continue;
    }
    let by: Suppression | undefined;
    const offer = (s: Suppression) => {
      const state = states.get(s)!;
      s.entries.forEach((entry, i) => {
        if (entry.ruleId !== null && entry.ruleId !== d.ruleId) return;
        if (!by || by === s) {
          by = s;
          state.used[i] = true;
        } else state.shadowedBy[i] ??= by;
      });
    };
    // Broadest first, as ESLint applies block directives before line directives.
    for (const s of fileWide.get(d.file) ?? []) offer(s);
    for (const s of annotationsFor(d)) offer(s);
    for (const s of nextLine.get(lineKey(d.file, d.line)) ?? []) offer(s);
    if (by) suppressed.push({ diagnostic: d, suppression: by });
    else kept.push(d);
  }

  const skipped = new Set(diagnostics.filter((d) => SKIPPED.has(d.ruleId)).map((d) => d.file));
  const report = reporter(input);
  const findings: Diagnostic[] = [];
  for (const m of malformed) report(findings, INVALID_SUPPRESSION, m.message, { file: m.file, span: m.span });
  for (const s of all) {
    reportSuppression(s, states.get(s)!, input, (id, message, span) => {
      if (id === UNUSED_SUPPRESSION && s.kind !== 'annotation' && skipped.has(s.file)) return;
      report(findings, id, message, { file: s.file, span, suppression: s });
    });
  }
  return { diagnostics: sortDiagnostics([...kept, ...findings]), suppressed, suppressions: all };
}

type SuppressionFindingId = typeof UNUSED_SUPPRESSION | typeof INVALID_SUPPRESSION;

function reportSuppression(s: Suppression, state: State, input: SuppressionInput, report: (id: SuppressionFindingId, message: string, span: SourceSpan) => void): void {
  const unused: number[] = [];
  s.entries.forEach((entry, i) => {
    if (state.used[i]) return;
    const id = entry.ruleId;
    if (id !== null && isSuppressionFinding(id)) {
      report(INVALID_SUPPRESSION, `'${id}' cannot be suppressed in a ${label(s)}: set its severity to off instead`, entry.span);
    } else if (id !== null && input.knownRules && !has(input.knownRules, id)) {
      report(INVALID_SUPPRESSION, `unknown rule '${id}' in ${label(s)}`, entry.span);
    } else if (id === null || !input.ranRules || has(input.ranRules, id)) {
      unused.push(i);
    }
  });
  if (unused.length === 0) return;
  // All of it unused: one finding at the whole suppression (remove it); otherwise one per rule id to remove.
  const whole = unused.length === s.entries.length;
  for (const group of whole ? [unused] : unused.map((i) => [i])) {
    const entries = group.map((i) => s.entries[i]!);
    const span = whole ? s.span : entries[0]!.span;
    const shadows = group.map((i) => state.shadowedBy[i]);
    const shadow = shadows.every((x) => x !== undefined) ? shadows[0] : undefined;
    report(UNUSED_SUPPRESSION, unusedMessage(s, entries, shadow), span);
  }
}

function unusedMessage(s: Suppression, entries: readonly SuppressionEntry[], shadow: Suppression | undefined): string {
  const on = s.kind === 'annotation' && s.resources?.length === 1 ? ` on ${formatResourceId(s.resources[0]!)}` : '';
  const head = `unused ${label(s)}${on}`;
  if (s.kind === 'next-line' && s.targetLine === undefined) return `${head} (no line follows it)`;
  const from = listOf(entries);
  if (shadow) {
    const where = shadow.file === s.file ? `line ${shadow.span.line}` : `${shadow.file}:${shadow.span.line}`;
    return `${head} (${from ? `problems from ${from} are` : 'every problem here is'} already suppressed by the ${label(shadow)} at ${where})`;
  }
  return `${head} (no problems were reported${from ? ` from ${from}` : ''})`;
}

/** `'a'`, `'a' or 'b'`, `'a', 'b', or 'c'`, as ESLint words it; '' when every rule is meant. */
function listOf(entries: readonly SuppressionEntry[]): string {
  if (entries.some((e) => e.ruleId === null)) return '';
  const ids = entries.map((e) => `'${e.ruleId}'`);
  return ids.length <= 2 ? ids.join(' or ') : `${ids.slice(0, -1).join(', ')}, or ${ids[ids.length - 1]}`;
}

function label(s: Suppression): string {
  return s.kind === 'annotation' ? 'kubeproof.dev/ignore annotation' : `${s.kind === 'file' ? FILE : NEXT_LINE} directive`;
}

function reporter(input: SuppressionInput) {
  const metas = { [UNUSED_SUPPRESSION]: unusedSuppressionMeta, [INVALID_SUPPRESSION]: invalidSuppressionMeta };
  return (out: Diagnostic[], id: SuppressionFindingId, message: string, at: { file: string; span: SourceSpan; suppression?: Suppression }) => {
    const severity = input.severities?.[id] ?? metas[id].severity;
    if (severity === 'off') return;
    const d: Diagnostic = { ruleId: id, severity, message, file: at.file, ...at.span, path: '' };
    const annotation = at.suppression?.kind === 'annotation' ? at.suppression : undefined;
    if (annotation) {
      d.path = IGNORE_POINTER;
      const resource = annotation.resources?.[0];
      if (resource) d.resource = resource;
    }
    out.push(d);
  };
}

function has(filter: RuleFilter, id: string): boolean {
  return typeof filter === 'function' ? filter(id) : filter.has(id);
}

function lineKey(file: string, line: number): string {
  return `${file}\n${line}`;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
