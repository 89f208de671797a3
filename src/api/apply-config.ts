/**
 * What happens around a run besides the stages: before it, the config picks files and rules;
 * after it, suppressions (comments and annotations) take their findings, then the config sets
 * each remaining finding's severity by rule and file.
 */
import { applySeverities, pathFilter, ruleOptions, rulesOffEverywhere, rulesOnSomewhere } from '../config/index.js';
import { redactDiagnostics, type CheckedFile, type Diagnostic, type Resource } from '../core/index.js';
import type { SourceText } from '../load/index.js';
import { rules, selectedRuleIds, type LintOptions } from '../rules/index.js';
import { scheduleProblemMetas } from '../schedule/index.js';
import { applySuppressions, fileTextReader, suppressionMetas } from '../suppress/index.js';
import { ruleCatalog } from './catalog.js';
import { assertKnownRuleIds } from './rule-ids.js';
import type { ValidateOptions } from './validate.js';

/** Options with the config's include/exclude, rule selection and rule options folded in. */
export function beforeRun<O extends ValidateOptions>(options: O): O {
  assertKnownRuleIds(options.disable, 'disable', options.config);
  assertKnownRuleIds(options.enable, 'enable', options.config);
  const config = options.config;
  if (!config) return options;
  const filter = pathFilter(config);
  return {
    ...options,
    ...(filter && !options.pathFilter && { pathFilter: filter }),
    disable: [...rulesOffEverywhere(config), ...(options.disable ?? [])],
    // A rule an override turns on must run; the command line's --disable still wins.
    enable: [...rulesOnSomewhere(config).filter((id) => !options.disable?.includes(id)), ...(options.enable ?? [])],
    ruleOptions: { ...ruleOptions(config), ...options.ruleOptions },
  };
}

/** The config file a run read, if any (absolute). */
export function configFile(options: Pick<ValidateOptions, 'config'>): string[] {
  return options.config?.file ? [options.config.file] : [];
}

export interface RunOutput {
  resources: readonly Resource[];
  files: readonly CheckedFile[];
  /** The lint options the rules ran with (validate runs only those the API server enforces). */
  lint: LintOptions | false;
  /**
   * The text of each file the loader read, by displayed path (standard input among them): its
   * suppression comments are read from it, not from the disk again (a FIFO cannot be read twice).
   */
  texts?: ReadonlyMap<string, SourceText | undefined>;
}

/** Suppressions, then the config's severities (per rule, per file; `off` drops the finding). */
export function afterRun(diagnostics: Diagnostic[], options: ValidateOptions, run: RunOutput): Diagnostic[] {
  const loaded = run.texts ?? new Map<string, SourceText | undefined>();
  const fromDisk = fileTextReader({ cwd: options.cwd, buffers: options.buffers });
  // A loaded file's text is inflated when asked for, and only the last one kept.
  let last: { file: string; text: string | undefined } | undefined;
  const text = (file: string): string | undefined => {
    // An editor's unsaved buffer is newer than what was loaded from the disk.
    if (options.buffers?.has(file) || !loaded.has(file)) return fromDisk(file);
    if (last?.file !== file) last = { file, text: loaded.get(file)?.toString() };
    return last.text;
  };
  const lintIds = new Set(rules.map((r) => r.meta.id));
  const ran = run.lint === false ? new Set<string>() : selectedRuleIds(run.lint);
  const scheduleIds = new Set(scheduleProblemMetas.map((m) => m.id));
  const kept = options.suppressions === false ? diagnostics : applySuppressions(diagnostics, {
    resources: run.resources,
    files: run.files.map((f) => f.file),
    text,
    mayHaveDirectives: (file) => options.buffers?.has(file) || loaded.get(file)?.directives !== false,
    knownRules: new Set(ruleCatalog(options.config).map((m) => m.id)),
    ranRules: (id) => (lintIds.has(id) ? ran.has(id) : scheduleIds.has(id) ? Boolean(options.nodePaths?.length) : true),
  });
  const severities = options.config ? applySeverities(kept, options.config, options.cwd ?? process.cwd()) : kept;
  const disabled = disabledChecks(options);
  const shown = disabled.size ? severities.filter((d) => !disabled.has(d.ruleId)) : severities;
  // Secrets never printed, second line of defence: scrub every Secret value of the run out of the messages (core/redact.ts).
  return redactDiagnostics(shown, run.resources);
}

/**
 * The checks a --disable turns off that are not lint rules: a disabled rule of the lint stage never ran; the other
 * stages' checks (unknown-field, yaml-syntax...) always run, so disabling one drops its findings, as `off` in the config does.
 */
export function disabledChecks(options: Pick<ValidateOptions, 'disable' | 'enable'>): Set<string> {
  const lintIds = new Set(rules.map((r) => r.meta.id));
  return new Set((options.disable ?? []).filter((id) => !lintIds.has(id) && !options.enable?.includes(id)));
}

export { suppressionMetas };
