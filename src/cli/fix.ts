/** `check --fix`: apply the suggested edits, say each one, and check again until nothing more is fixed. */
import { planFixes } from '../api/fix.js';
import type { RunResult } from '../api/validate.js';
import type { CliIo } from './io.js';
import { writeFileAtomic } from './write-atomic.js';

/** One edit can make another finding's edit possible (a renamed key, then its misspelled child): a few rounds, never endless. */
const MAX_ROUNDS = 5;

export function fixThenCheck(checkOnce: () => RunResult, io: CliIo): RunResult {
  let result = checkOnce();
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const plan = planFixes(result.diagnostics, result.readFiles, io.cwd);
    if (plan.files.length === 0) break;
    for (const file of plan.files) {
      writeFileAtomic(file.path, file.text);
      for (const f of file.fixed) io.stderr(`kubeproof: fixed ${f.file}:${f.line}:${f.column} ${f.ruleId}: ${f.title}\n`);
    }
    result = checkOnce();
  }
  return result;
}
