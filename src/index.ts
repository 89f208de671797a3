/**
 * kubeproof as a library: everything the CLI does is callable from here.
 *
 *   import { validate, formatReport } from 'kubeproof';
 *   const result = validate(['k8s/']);
 *   process.stdout.write(formatReport('text', result));
 */
export * from './core/index.js';
export { loadPaths, loadBytes, parseManifests, loadProblems, type LoadOptions, type LoadResult } from './load/index.js';
export { formatters, FORMAT_NAMES, isFormatName, type FormatName, type Formatter, type ReportContext, type ReportInput } from './report/index.js';
export { validate, exitCodeFor, type ValidateOptions, type RunResult, type ExitPolicy } from './api/validate.js';
export type { EnvsubstOptions } from './api/envsubst.js';
export { ruleCatalog } from './api/catalog.js';
export { formatReport, TOOL } from './api/format.js';
export { check } from './api/check.js';
export { render, emitDocuments, type Rendered, type RenderOptions } from './render/index.js';
export { schedule, type ScheduleCommandOptions, type ScheduleCommandResult } from './api/schedule.js';
export { loadConfig, configOptions, knownRules, type ConfigLookup } from './api/config.js';
export { findConfigFile, parseConfig, readConfig, starterConfig, type Config, type ConfigSeverity, type LoadedConfig, type Override, type RuleSetting } from './config/index.js';
export { applySuppressions, resolveSuppressions, fileTextReader, type SuppressionInput } from './suppress/index.js';
