/** commander wiring only: flags in, library calls, an exit code out. */
import * as path from 'node:path';
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { check } from '../api/check.js';
import { schedule } from '../api/schedule.js';
import { scheduleText } from '../report/index.js';
import type { Strategy } from '../schedule/index.js';
import { exitCodeFor, validate, type ValidateOptions } from '../api/validate.js';
import { configOptions, loadConfig } from '../api/config.js';
import type { Config } from '../config/index.js';
import { formatReport, TOOL } from '../api/format.js';
import { countBySeverity, EXIT_ERROR, EXIT_FINDINGS, KubeproofError, redactSecrets, sortDiagnostics, type Diagnostic } from '../core/index.js';
import { render } from '../render/index.js';
import { DEFAULT_MAX_FILE_SIZE } from '../load/index.js';
import { FORMAT_NAMES, type FormatName } from '../report/index.js';
import { DEFAULT_KUBERNETES_VERSION, KUBERNETES_VERSIONS, parseKubernetesVersion } from '../schema/index.js';
import type { CliIo } from './io.js';
import { registerInit } from './commands/init.js';
import { registerLsp } from './commands/lsp.js';
import { addTargetOptions, resolveTargets, type TargetOptions } from './commands/targets.js';
import { registerWatch } from './commands/watch.js';
import { registerRules } from './commands/rules.js';
import { writeFileAtomic } from './write-atomic.js';

interface SharedOptions extends TargetOptions {
  format: FormatName;
  output?: string;
  quiet?: boolean;
  maxWarnings: number;
  debug?: boolean;
  color?: boolean;
  stdinFilename?: string;
  maxFileSize: number;
  kubernetesVersion: string;
  crds: string[];
  ignoreMissingSchemas?: boolean;
  skipKinds: string[];
  jobs?: number;
  disable: string[];
  enable: string[];
  strictRefs?: boolean;
  totals?: boolean;
  nodes: string[];
  strategy: Strategy;
  tolerateNodeLoss?: number;
  tolerateZoneLoss?: boolean;
  headroom?: boolean;
  config?: string | boolean;
  suppressions: boolean;
  stdin?: boolean;
}

export async function run(argv: readonly string[], io: CliIo): Promise<number> {
  let exitCode = 0;
  const program = new Command('kubeproof')
    .description('Prove Kubernetes manifests right before they reach a cluster.')
    .version(TOOL.version, '-V, --version')
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr })
    .showHelpAfterError('(run kubeproof --help for usage)');

  const runChecks = (which: typeof validate) => (given: string[], opts: SharedOptions, cmd: Command) => {
    const paths = withStdin(given, opts);
    const config = configFor(opts, io, cmd);
    if (config === 'failed') {
      exitCode = EXIT_ERROR;
      return;
    }
    const fromFlags: ValidateOptions = {
      cwd: io.cwd,
      readStdin: io.readStdin,
      stdinFilename: opts.stdinFilename,
      maxFileSize: opts.maxFileSize,
      kubernetesVersion: parseKubernetesVersion(opts.kubernetesVersion),
      crdPaths: opts.crds,
      ignoreMissingSchemas: opts.ignoreMissingSchemas,
      skipKinds: opts.skipKinds,
      jobs: opts.jobs,
      disable: opts.disable,
      enable: opts.enable,
      strictRefs: opts.strictRefs,
      totals: opts.totals,
      nodePaths: opts.nodes,
      strategy: opts.strategy,
      suppressions: opts.suppressions,
    };
    // --kustomize-roots from the command line, else from kubeproof.yaml.
    const kustomizeRoots = cmd.getOptionValueSource('kustomizeRoots') !== 'cli' && config?.kustomizeRoots ? config.kustomizeRoots : opts.kustomizeRoots;
    const result = which(resolveTargets(paths, { ...opts, kustomizeRoots }, io.cwd), withConfig(fromFlags, config, cmd));
    const maxWarnings = cmd.getOptionValueSource('maxWarnings') !== 'cli' && config?.maxWarnings !== undefined ? config.maxWarnings : opts.maxWarnings;
    const shown: Diagnostic[] = opts.quiet ? result.diagnostics.filter((d) => d.severity === 'error') : result.diagnostics;
    const color = opts.color ?? (io.stdoutIsTTY && !opts.output && opts.format === 'text' && !io.env.NO_COLOR);
    const report = formatReport(opts.format, { diagnostics: shown, files: result.files, totals: result.totals }, { color });
    if (opts.output) writeFileAtomic(path.resolve(io.cwd, opts.output), report);
    else io.stdout(report);

    for (const err of result.errors) io.stderr(`kubeproof: error: ${err.message}\n`);
    exitCode = exitCodeFor(result, { maxWarnings });
    const { warnings } = countBySeverity(result.diagnostics);
    if (result.errors.length === 0 && maxWarnings >= 0 && warnings > maxWarnings) {
      io.stderr(`kubeproof: ${warnings} warnings, more than --max-warnings ${maxWarnings}\n`);
    }
  };

  const checkingCommands: [name: string, description: string, argument: string, run: typeof validate][] = [
    ['validate', 'validate manifests (files, directories, - for stdin) against the Kubernetes schemas, with every problem at its line and column', 'files or directories to check; - reads standard input', validate],
    ['check', 'render kustomization directories as kustomize would, then validate; other paths are validated as they are', 'kustomization directories, files or directories; - reads standard input', check],
    ['lint', 'render kustomizations, validate, and run the cross-resource rules (the same as check)', 'kustomization directories, files or directories; - reads standard input', check],
  ];
  for (const [name, description, argument, run] of checkingCommands) {
    const cmd = withSharedOptions(program.command(name).description(description).argument('[paths...]', argument));
    (name === 'validate' ? cmd : addTargetOptions(cmd)).action(runChecks(run));
  }

  withSharedOptions(program.command('schedule').description("place every pod the workloads would create on a node inventory, as kube-scheduler would, and say why what does not fit").argument('<paths...>', 'kustomization directories, files or directories; - reads standard input'))
    .action((paths: string[], opts: SharedOptions, cmd: Command) => {
      const config = configFor(opts, io, cmd);
      if (config === 'failed') {
        exitCode = EXIT_ERROR;
        return;
      }
      const merged = withConfig({ kubernetesVersion: parseKubernetesVersion(opts.kubernetesVersion), nodePaths: opts.nodes, strategy: opts.strategy }, config, cmd);
      if (!merged.nodePaths?.length) throw new KubeproofError('USAGE', 'schedule needs a node inventory: --nodes PATH (or nodes: in kubeproof.yaml)');
      const result = schedule(paths, {
        cwd: io.cwd,
        readStdin: io.readStdin,
        stdinFilename: opts.stdinFilename,
        maxFileSize: opts.maxFileSize,
        kubernetesVersion: merged.kubernetesVersion,
        jobs: opts.jobs,
        nodePaths: merged.nodePaths,
        strategy: merged.strategy,
        tolerateNodeLoss: opts.tolerateNodeLoss,
        tolerateZoneLoss: opts.tolerateZoneLoss,
        headroom: opts.headroom,
      });
      const problems = result.diagnostics.filter((d) => !['unschedulable', 'node-loss', 'zone-loss'].includes(d.ruleId));
      let out: string;
      if (opts.format === 'text') {
        const color = opts.color ?? (io.stdoutIsTTY && !opts.output && !io.env.NO_COLOR);
        out = (problems.length ? formatReport('text', { diagnostics: problems, files: result.files }, { color }) + '\n' : '') + scheduleText(result.report);
      } else if (opts.format === 'json') out = JSON.stringify({ ...result.report, diagnostics: JSON.parse(formatReport('json', { diagnostics: problems, files: result.files })).diagnostics }, null, 2) + '\n';
      else out = formatReport(opts.format, { diagnostics: result.diagnostics, files: result.files });
      if (opts.output) writeFileAtomic(path.resolve(io.cwd, opts.output), out);
      else io.stdout(out);
      for (const err of result.errors) io.stderr(`kubeproof: error: ${err.message}\n`);
      const failed = result.report.summary.pending > 0 || result.report.summary.notCreated > 0 || result.diagnostics.some((d) => d.severity === 'error');
      exitCode = result.errors.length > 0 ? EXIT_ERROR : failed ? EXIT_FINDINGS : 0;
    });

  program
    .command('render')
    .description('build a kustomization directory and print the result exactly as `kustomize build` does')
    .argument('<dir>', 'directory with a kustomization.yaml')
    .addOption(new Option('-k, --kubernetes-version <version>', 'Kubernetes version whose schemas drive strategic merge').choices(KUBERNETES_VERSIONS).default(DEFAULT_KUBERNETES_VERSION))
    .option('-o, --output <file>', 'write the YAML to a file (atomically) instead of stdout')
    .option('--origins', "annotate each resource with its source file, like kustomize's buildMetadata: [originAnnotations]")
    .option('--redact-secrets', 'mask the values of every Secret\'s data (base64 of "<redacted>") and stringData ("<redacted>"), keys kept')
    .option('--debug', 'print stack traces for internal errors')
    .action((dir: string, opts: { kubernetesVersion: string; output?: string; origins?: boolean; redactSecrets?: boolean }) => {
      const rendered = render(dir, { cwd: io.cwd, kubernetesVersion: parseKubernetesVersion(opts.kubernetesVersion), origins: opts.origins, redactSecrets: opts.redactSecrets });
      for (const w of rendered.warnings) io.stderr(w + '\n');
      for (const d of rendered.diagnostics) io.stderr(`kubeproof: error: ${d.file}:${d.line}:${d.column}: ${d.message}\n`);
      if (rendered.diagnostics.length > 0) {
        exitCode = EXIT_FINDINGS;
        return;
      }
      if (opts.output) writeFileAtomic(path.resolve(io.cwd, opts.output), rendered.yaml);
      else io.stdout(rendered.yaml);
    });

  registerInit(program, io);
  registerLsp(program, io);
  registerWatch(withSharedOptions(program.command('watch')), io, runChecks(check), (code) => (exitCode = code));
  registerRules(program, io, (code) => (exitCode = code));

  try {
    await program.parseAsync([...argv], { from: 'user' });
    return exitCode;
  } catch (err) {
    return handleError(err, io, argv.includes('--debug'));
  }
}

function withSharedOptions(cmd: Command): Command {
  return cmd
    .addOption(new Option('-f, --format <format>', 'output format').choices(FORMAT_NAMES).default('text'))
    .option('-o, --output <file>', 'write the report to a file (atomically) instead of stdout')
    .option('-q, --quiet', 'report errors only')
    .option('--max-warnings <n>', 'fail when there are more warnings than this (-1: no limit)', parseMaxWarnings, -1)
    .addOption(new Option('-k, --kubernetes-version <version>', 'Kubernetes version to validate against').choices(KUBERNETES_VERSIONS).default(DEFAULT_KUBERNETES_VERSION))
    .option('--crds <path>', 'CustomResourceDefinitions (file or directory) for custom resources; repeatable', collect, [])
    .option('--ignore-missing-schemas', 'report custom resources without a schema as warnings, not errors')
    .option('--skip-kinds <kinds>', 'comma-separated kinds (Kind or apiVersion/Kind) not to validate', commaList, [])
    .option('--stdin', 'read the manifests from standard input (the same as the path -), as editors pipe a buffer')
    .option('--stdin-filename <name>', 'file name to show for standard input (-)')
    .option('--max-file-size <bytes>', 'refuse files larger than this', parseByteCount, DEFAULT_MAX_FILE_SIZE)
    .option('--disable <rules>', 'comma-separated rule ids not to run', commaList, [])
    .option('--enable <rules>', 'comma-separated rule ids to run even if disabled', commaList, [])
    .option('--strict-refs', 'references to objects not among the inputs are errors, not warnings')
    .option('--totals', 'sum requests and limits per workload and per namespace (replicas counted) into the report')
    .option('--nodes <path>', 'node inventory (v1 Nodes or kubeproof NodePools; file or directory): also schedule the pods; repeatable', collect, [])
    .option('--tolerate-node-loss <n>', 'schedule: every pod must still fit after losing any n nodes (n > 1: the n most loaded)', parsePositive)
    .option('--tolerate-zone-loss', 'schedule: every pod must still fit after losing any one zone')
    .option('--headroom', 'schedule: how many more replicas of each workload would fit')
    .addOption(new Option('--strategy <strategy>', 'how the dry-run scheduler scores nodes').choices(['least-allocated', 'most-allocated']).default('least-allocated'))
    .option('-j, --jobs <n>', 'threads to parse large inputs on (default: one per core)', parsePositive)
    .option('--color', 'force colour in the text format')
    .option('--no-color', 'never colour the text format')
    .option('--no-suppressions', 'ignore kubeproof-ignore comments and kubeproof.dev/ignore annotations: report everything')
    .option('-c, --config <path>', 'configuration file (default: the nearest kubeproof.yaml or .kubeproof.yaml up from the working directory)')
    .option('--no-config', 'use no configuration file')
    .option('--debug', 'print stack traces for internal errors');
}

/**
 * The run's config: undefined when there is none, 'failed' when it has problems (they are
 * printed, in the chosen format, and the run stops with exit 2 rather than check with half a config).
 */
function configFor(opts: { config?: string | boolean; format: FormatName; output?: string }, io: CliIo, _cmd: Command): Config | undefined | 'failed' {
  const loaded = loadConfig(io.cwd, { file: typeof opts.config === 'string' ? opts.config : undefined, none: opts.config === false });
  const problems = loaded.diagnostics.filter((d) => d.severity === 'error');
  if (problems.length === 0) return loaded.config;
  const files = [...new Set(problems.map((d) => d.file))].map((file) => ({ file, resources: [] }));
  const report = formatReport(opts.format, { diagnostics: sortDiagnostics(problems), files }, { color: false });
  if (opts.output) writeFileAtomic(path.resolve(io.cwd, opts.output), report);
  else io.stdout(report);
  io.stderr(`kubeproof: error: the configuration file has ${problems.length} problem${problems.length === 1 ? '' : 's'}; fix ${problems.length === 1 ? 'it' : 'them'} or run with --no-config\n`);
  return 'failed';
}

/** Flags given on the command line win; where a flag was left at its default, the config's value counts. */
function withConfig(fromFlags: ValidateOptions, config: Config | undefined, cmd: Command): ValidateOptions {
  if (!config) return fromFlags;
  const fromConfig = configOptions(config);
  const given = (flag: string) => cmd.getOptionValueSource(flag) === 'cli';
  const pick = <K extends keyof ValidateOptions>(key: K, flag: string) => (given(flag) || fromConfig[key] === undefined ? fromFlags[key] : fromConfig[key]);
  return {
    ...fromFlags,
    config,
    kubernetesVersion: pick('kubernetesVersion', 'kubernetesVersion'),
    crdPaths: pick('crdPaths', 'crds'),
    nodePaths: pick('nodePaths', 'nodes'),
    strictRefs: pick('strictRefs', 'strictRefs'),
    ignoreMissingSchemas: pick('ignoreMissingSchemas', 'ignoreMissingSchemas'),
    skipKinds: pick('skipKinds', 'skipKinds'),
    strategy: pick('strategy', 'strategy'),
  };
}

/** `--stdin` is the path `-`; a run needs at least one path. */
function withStdin(paths: readonly string[], opts: { stdin?: boolean }): string[] {
  const out = opts.stdin && !paths.includes('-') ? [...paths, '-'] : [...paths];
  if (out.length === 0) throw new KubeproofError('USAGE', 'no paths given: name files or directories, or use --stdin');
  return out;
}

function collect(value: string, previous: string[]): string[] {
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

function handleError(err: unknown, io: CliIo, debug: boolean): number {
  if (err instanceof CommanderError) {
    // Help and version are successes; every other parse failure is a usage error (exit 2).
    return err.exitCode === 0 ? 0 : EXIT_ERROR;
  }
  // An exception may quote a Secret value the run met: scrubbed from the message and the trace (core/redact.ts).
  if (err instanceof KubeproofError) {
    io.stderr(`kubeproof: error: ${redactSecrets(err.message)}\n`);
    if (debug && err.stack) io.stderr(redactSecrets(err.stack) + '\n');
    return EXIT_ERROR;
  }
  const message = err instanceof Error ? err.message : String(err);
  io.stderr(`kubeproof: internal error: ${redactSecrets(message)}\n`);
  if (debug) io.stderr(redactSecrets((err as Error)?.stack ?? '') + '\n');
  else io.stderr('kubeproof: run again with --debug for details, and please report it\n');
  return EXIT_ERROR;
}
