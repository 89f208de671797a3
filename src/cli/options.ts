/**
 * The flags of the checking commands, in groups, so each command lists only what it acts on:
 * every flag `--help` shows works in that command (a flag a command would ignore is not offered;
 * commander then refuses it as unknown).
 *
 *   validate        output, input, schema, rule selection
 *   check, lint     output, input, schema, rule selection, references, scheduling findings
 *   watch           as check, without standard input
 *   schedule        output, input, scheduling with its report options
 */
import { InvalidArgumentError, Option, type Command } from 'commander';
import type { Strategy } from '../schedule/index.js';
import { DEFAULT_MAX_FILE_SIZE } from '../load/index.js';
import { DEFAULT_KUBERNETES_VERSION, KUBERNETES_VERSIONS } from '../schema/index.js';
import { FORMAT_HELP, parseFormatOption, type ReportTarget } from './reports.js';
import type { TargetOptions } from './commands/targets.js';

/** Every flag a checking command may carry; each command has the subset its groups add. */
export interface SharedOptions extends TargetOptions {
  format?: ReportTarget[];
  output?: string;
  quiet?: boolean;
  maxWarnings: number;
  debug?: boolean;
  /** check/lint --fix: apply the findings' suggested edits first. */
  fix?: boolean;
  color?: boolean;
  stdinFilename?: string;
  maxFileSize: number;
  kubernetesVersion: string;
  crds?: string[];
  policies?: string[];
  ignoreMissingSchemas?: boolean;
  skipKinds?: string[];
  jobs?: number;
  disable?: string[];
  enable?: string[];
  strictRefs?: boolean;
  totals?: boolean;
  nodes?: string[];
  nodePools?: string[];
  strategy?: Strategy;
  tolerateNodeLoss?: number;
  tolerateZoneLoss?: boolean;
  headroom?: boolean;
  config?: string | boolean;
  envsubst?: string[];
  envsubstStrict?: boolean;
  suppressions?: boolean;
  stdin?: boolean;
}

/** Where the report goes and when the run fails; the config file. */
export function outputOptions(cmd: Command, formats?: readonly string[]): Command {
  return cmd
    .option('-f, --format <format[=file]>', FORMAT_HELP, parseFormatOption(formats))
    .option('-o, --output <file>', 'write the report of the format given without a file to this file (atomically) instead of standard output')
    .option('-q, --quiet', 'report errors only')
    .option('--max-warnings <n>', 'fail when there are more warnings than this (-1: no limit)', parseMaxWarnings, -1)
    .option('--color', 'colour the text report, even into a pipe or a file')
    .option('--no-color', 'never colour the text report (NO_COLOR and FORCE_COLOR are honoured when neither flag is given)')
    .option('-c, --config <path>', 'configuration file (default: the nearest kubeproof.yaml or .kubeproof.yaml up from the working directory)')
    .option('--no-config', 'use no configuration file')
    .option('--debug', 'print stack traces for internal errors');
}

/** How inputs are read. */
export function inputOptions(cmd: Command, { stdin }: { stdin: boolean }): Command {
  cmd.addOption(new Option('-k, --kubernetes-version <version>', 'Kubernetes version to validate against').choices(KUBERNETES_VERSIONS).default(DEFAULT_KUBERNETES_VERSION));
  if (stdin) {
    cmd
      .option('--stdin', 'read the manifests from standard input (the same as the path -), as editors pipe a buffer')
      .option('--stdin-filename <name>', 'file name to show for standard input (-)');
  }
  return maxFileSizeOption(cmd)
    .option('-j, --jobs <n>', 'threads to parse large inputs on (default: one per core)', parsePositive)
    .option('--envsubst <file>', 'substitute ${VAR} placeholders with the variables of this dotenv file (KEY=VALUE lines) after rendering, as Flux post-build substitution does; repeatable, later files win', collect, [])
    .option('--no-envsubst-strict', 'with --envsubst, substitute an unset variable without a default with an empty string instead of reporting it (Flux before 2.9)');
}

/** --max-file-size: every file read (named, found in a directory, read by a kustomization) and standard input. */
export function maxFileSizeOption(cmd: Command): Command {
  return cmd.option('--max-file-size <bytes>', 'refuse files larger than this', parseByteCount, DEFAULT_MAX_FILE_SIZE);
}

/** What the schemas are and which kinds they skip. */
export function schemaOptions(cmd: Command): Command {
  return cmd
    .option('--crds <path>', 'CustomResourceDefinitions or CRDs-catalog JSON Schemas ({group}/{kind}_{version}.json), file or directory, for custom resources; repeatable', collect, [])
    .option('--policies <path>', 'ValidatingAdmissionPolicies and their bindings (and params), file or directory, to apply to the inputs as the API server would; repeatable', collect, [])
    .option('--ignore-missing-schemas', 'report custom resources without a schema as warnings, not errors')
    .option('--skip-kinds <kinds>', 'comma-separated kinds (Kind or apiVersion/Kind) not to validate', commaList, []);
}

/** Which rules run and which findings are kept; `references` adds what only the cross-resource rules use. */
export function ruleOptions(cmd: Command, { references }: { references: boolean }): Command {
  cmd
    .option('--disable <rules>', 'comma-separated rule ids not to run or report (`kubeproof rules` lists them)', commaList, [])
    .option('--enable <rules>', 'comma-separated rule ids to run even if disabled or off by default', commaList, []);
  if (references) cmd.option('--strict-refs', 'references to objects not among the inputs are errors, not warnings');
  return cmd
    .option('--totals', 'sum requests and limits per workload and per namespace (replicas counted) into the report')
    .option('--no-suppressions', 'ignore kubeproof-ignore comments and kubeproof.dev/ignore annotations: report everything');
}

/**
 * The dry-run scheduler. In check/lint its findings join the report (pending pods, lost nodes
 * or zones); `kubeproof schedule` prints the placement itself, and only it has --headroom.
 */
export function scheduleOptions(cmd: Command, { command }: { command: 'check' | 'schedule' }): Command {
  cmd.option('--nodes <path>', command === 'check' ? 'node inventory (v1 Nodes or kubeproof NodePools; file or directory): also schedule the pods and report those that cannot land; repeatable' : 'node inventory (v1 Nodes or kubeproof NodePools; file or directory); repeatable', collect, []);
  cmd.option('--node-pools <path>', 'NodePools that may grow (kubeproof.dev/v1alpha1 with spec.max; file or directory): say which pool and how many nodes make the pending pods fit, as cluster-autoscaler would; repeatable', collect, []);
  cmd
    .option('--tolerate-node-loss <n>', 'every pod must still fit after losing any n nodes (n > 1: the n most loaded)', parsePositive)
    .option('--tolerate-zone-loss', 'every pod must still fit after losing any one zone');
  if (command === 'schedule') cmd.option('--headroom', 'how many more replicas of each workload would fit');
  return cmd.addOption(new Option('--strategy <strategy>', 'how the dry-run scheduler scores nodes').choices(['least-allocated', 'most-allocated']).default('least-allocated'));
}

export function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

function commaList(value: string, previous: string[]): string[] {
  return [...previous, ...value.split(',').map((s) => s.trim()).filter(Boolean)];
}

function parseMaxWarnings(value: string): number {
  if (!/^-?\d+$/.test(value) || Number(value) < -1) throw new InvalidArgumentError('expected a whole number, or -1 for no limit');
  return Number(value);
}

function parsePositive(value: string): number {
  if (!/^\d+$/.test(value) || Number(value) < 1) throw new InvalidArgumentError('expected a positive whole number');
  return Number(value);
}

function parseByteCount(value: string): number {
  if (!/^\d+$/.test(value) || Number(value) < 1) throw new InvalidArgumentError('expected a positive number of bytes');
  return Number(value);
}
