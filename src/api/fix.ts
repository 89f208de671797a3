/**
 * `kubeproof check --fix`: the findings' suggested edits (core/suggestion.ts), planned per file.
 * Only files the run read as input are edited, at the place the finding points to (a base or a
 * patch, never a rendered result, which exists only in memory); a suggestion is applied whole or
 * not at all, in the diagnostics' sorted order, so two that touch the same text resolve the same
 * way every run. Nothing is written here: the caller writes the new texts (atomically).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { applySuggestionEdits, type Diagnostic, type TextEdit } from '../core/index.js';

export interface FixedFinding {
  /** Where the finding was reported, and which rule. */
  file: string;
  line: number;
  column: number;
  ruleId: string;
  title: string;
}

export interface FileFix {
  /** Absolute path of the file to write. */
  path: string;
  /** As the findings name it (relative to the working directory). */
  file: string;
  text: string;
  fixed: FixedFinding[];
}

export interface FixPlan {
  files: FileFix[];
  /** Suggestions left out: another edit of the same text came first, or the file is not an input. */
  skipped: FixedFinding[];
}

const BOM = '\uFEFF';

export function planFixes(diagnostics: readonly Diagnostic[], readFiles: readonly string[], cwd: string): FixPlan {
  const inputs = new Set(readFiles);
  const byFile = new Map<string, { file: string; groups: { key: FixedFinding; edits: TextEdit[] }[] }>();
  const skipped: FixedFinding[] = [];
  for (const d of diagnostics) {
    if (!d.suggestion) continue;
    const finding: FixedFinding = { file: d.file, line: d.line, column: d.column, ruleId: d.ruleId, title: d.suggestion.title };
    const files = [...new Set(d.suggestion.edits.map((e) => e.file))];
    const target = files.length === 1 ? path.resolve(cwd, files[0]!) : undefined;
    // One file per suggestion (all ours are), and one the run read from disk: not stdin, not a remote base.
    if (target === undefined || !inputs.has(target)) {
      skipped.push(finding);
      continue;
    }
    let entry = byFile.get(target);
    if (!entry) byFile.set(target, (entry = { file: files[0]!, groups: [] }));
    entry.groups.push({ key: finding, edits: d.suggestion.edits });
  }
  const out: FileFix[] = [];
  for (const [target, { file, groups }] of [...byFile].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    let text: string;
    try {
      const bytes = fs.readFileSync(target);
      // A UTF-16 file is read by the loader but not rewritten here.
      if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) throw new Error('utf-16');
      text = bytes.toString('utf8');
    } catch {
      skipped.push(...groups.map((g) => g.key));
      continue;
    }
    // Positions count from after a byte-order mark, as the loader reads the file.
    const bom = text.startsWith(BOM);
    const result = applySuggestionEdits(bom ? text.slice(1) : text, groups);
    skipped.push(...result.skipped);
    if (result.applied.length > 0) out.push({ path: target, file, text: (bom ? BOM : '') + result.text, fixed: result.applied });
  }
  return { files: out, skipped };
}
