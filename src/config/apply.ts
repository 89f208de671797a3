/**
 * What a config changes in a run: which files are read (include/exclude), which rules run,
 * and each finding's severity, by rule and by file (overrides), as ESLint applies its config.
 */
import * as path from 'node:path';
import picomatch from 'picomatch';
import type { Diagnostic, Severity } from '../core/index.js';
import type { Config, ConfigSeverity } from './types.js';

type Matcher = (relative: string) => boolean;

/** Globs relative to the config's directory; `dir/` means everything below dir. */
function matcher(globs: readonly string[]): Matcher {
  const m = picomatch(globs.map((g) => (g.endsWith('/') ? `${g}**` : g)), { dot: true });
  return (relative) => m(relative);
}

/** The path of a file relative to the config's directory, with forward slashes; undefined outside it. */
function relativeTo(config: Config, absolute: string): string | undefined {
  const rel = path.relative(config.dir, absolute);
  if (rel === '' || rel.startsWith('..') || path.isAbsolute(rel)) return undefined;
  return rel.split(path.sep).join('/');
}

/** include/exclude as a filter over absolute file paths; files outside the config's directory are not filtered. */
export function pathFilter(config: Config): ((absolute: string) => boolean) | undefined {
  if (config.include.length === 0 && config.exclude.length === 0) return undefined;
  const included = config.include.length > 0 ? matcher(config.include) : () => true;
  const excluded = config.exclude.length > 0 ? matcher(config.exclude) : () => false;
  return (absolute) => {
    const rel = relativeTo(config, absolute);
    return rel === undefined || (included(rel) && !excluded(rel));
  };
}

/** Rules that are off everywhere (not turned on by any override) need not run at all. */
export function rulesOffEverywhere(config: Config): string[] {
  const onSomewhere = new Set(config.overrides.flatMap((o) => Object.entries(o.rules).filter(([, s]) => s !== 'off').map(([id]) => id)));
  return Object.entries(config.rules)
    .filter(([id, s]) => s.severity === 'off' && !onSomewhere.has(id))
    .map(([id]) => id)
    .sort();
}

/**
 * Rules the config gives a severity other than `off`, at the top level or in an override: they
 * must run, even those off by default (opt-in rules) or off at the top level (their findings
 * elsewhere are dropped). Options alone do not turn a rule on.
 */
export function rulesOnSomewhere(config: Config): string[] {
  const top = Object.entries(config.rules).filter(([, s]) => s.severity !== undefined && s.severity !== 'off').map(([id]) => id);
  return [...new Set([...top, ...config.overrides.flatMap((o) => Object.entries(o.rules).filter(([, s]) => s !== 'off').map(([id]) => id))])].sort();
}

/** Each rule's options from the config. */
export function ruleOptions(config: Config): Record<string, Record<string, unknown>> {
  const out: Record<string, Record<string, unknown>> = {};
  for (const [id, s] of Object.entries(config.rules)) if (s.options) out[id] = s.options;
  return out;
}

/**
 * Findings with the severity the config gives their rule for their file: the top-level
 * `rules` first, then every override whose `files` match, in order. `off` drops the finding.
 */
export function applySeverities(diagnostics: readonly Diagnostic[], config: Config, cwd: string): Diagnostic[] {
  const overrides = config.overrides.map((o) => ({ matches: matcher(o.files), rules: o.rules }));
  if (Object.keys(config.rules).length === 0 && overrides.length === 0) return [...diagnostics];
  const out: Diagnostic[] = [];
  for (const d of diagnostics) {
    let severity: ConfigSeverity | undefined = config.rules[d.ruleId]?.severity;
    if (overrides.length > 0) {
      const rel = relativeTo(config, path.resolve(cwd, d.file));
      for (const o of overrides) if (rel !== undefined && o.matches(rel) && o.rules[d.ruleId] !== undefined) severity = o.rules[d.ruleId];
    }
    if (severity === 'off') continue;
    out.push(severity === undefined || severity === d.severity ? d : { ...d, severity: severity as Severity });
  }
  return out;
}
