/**
 * Every file a run read, as absolute paths: what `--output` must never write over (kubeproof
 * never writes to its inputs), and what a watch or a pre-commit hook depends on.
 */
import * as path from 'node:path';
import type { CheckedFile, Diagnostic } from '../core/index.js';

/** The files of a load, absolute; standard input and other `<names>` are not files. */
export function absoluteFiles(files: readonly CheckedFile[], cwd = process.cwd()): string[] {
  return files.filter((f) => !f.file.startsWith('<')).map((f) => path.resolve(cwd, f.file));
}

/**
 * The files of a directory walk that are manifests, or meant to be: those holding a resource or
 * a problem. A walked file holding nothing but data that is not Kubernetes (a JSON report of an
 * earlier run, package.json) was looked at and set aside: it is not an input of the check.
 */
export function manifestFiles(files: readonly CheckedFile[], diagnostics: readonly Diagnostic[], cwd = process.cwd()): string[] {
  const withProblems = new Set(diagnostics.filter((d) => d.ruleId !== 'not-kubernetes').map((d) => d.file));
  return absoluteFiles(files.filter((f) => f.resources.length > 0 || withProblems.has(f.file)), cwd);
}

/** Sorted, each once. */
export function mergeReadFiles(...lists: readonly (readonly string[] | undefined)[]): string[] {
  return [...new Set(lists.flatMap((l) => l ?? []))].sort();
}
