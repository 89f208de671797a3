/** A config's part in a run: before it, which files and rules; after it, each finding's severity. */
import type { Diagnostic } from '../core/index.js';
import { applySeverities, pathFilter, ruleOptions, rulesOffEverywhere, rulesOnSomewhere } from '../config/index.js';
import type { ValidateOptions } from './validate.js';

/** Options with the config's include/exclude, rule selection and rule options folded in. */
export function beforeRun(options: ValidateOptions): ValidateOptions {
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

/** Findings with the config's severities (per rule, per file); `off` ones dropped. */
export function afterRun(diagnostics: Diagnostic[], options: ValidateOptions): Diagnostic[] {
  return options.config ? applySeverities(diagnostics, options.config, options.cwd ?? process.cwd()) : diagnostics;
}
