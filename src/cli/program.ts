/** commander wiring only: flags in, library calls, an exit code out. */
import * as path from 'node:path';
import { Command, CommanderError, Option } from 'commander';
import { check } from '../api/check.js';
import { schedule } from '../api/schedule.js';
import { scheduleText } from '../report/index.js';
import type { Strategy } from '../schedule/index.js';
import { exitCodeFor, validate, type ValidateOptions } from '../api/validate.js';
import { configOptions, loadConfig } from '../api/config.js';
import type { Config } from '../config/index.js';
import { formatReport, TOOL } from '../api/format.js';
import { ruleCatalog } from '../api/catalog.js';
import { countBySeverity, escapeTerminal, EXIT_ERROR, EXIT_FINDINGS, KubeproofError, redactSecrets, sortDiagnostics, type Diagnostic } from '../core/index.js';
import { render } from '../render/index.js';
import { DEFAULT_KUBERNETES_VERSION, KUBERNETES_VERSIONS, parseKubernetesVersion } from '../schema/index.js';
import type { CliIo } from './io.js';
import { registerInit } from './commands/init.js';
import { registerLsp } from './commands/lsp.js';
import { addTargetOptions, resolveTargets } from './commands/targets.js';
import { registerWatch } from './commands/watch.js';
import { registerRules } from './commands/rules.js';
import { inputOptions, maxFileSizeOption, outputOptions, ruleOptions, scheduleOptions, schemaOptions, type SharedOptions } from './options.js';
import { planReports, refuseInputs, writeReports, type ReportTarget } from './reports.js';
import { writeFileAtomic } from './write-atomic.js';
import { fixThenCheck } from './fix.js';
import { tuneHeapFor } from './heap.js';

export async function run(argv: readonly string[], given: CliIo): Promise<number> {
  // Error lines quote file names and values from the input: never a terminal's escape sequence (core/terminal.ts).
  const io: CliIo = {
    stdout: given.stdout,
    stderr: (text) => given.stderr(escapeTerminal(text, { keepNewlines: true })),
    readStdin: given.readStdin,
    cwd: given.cwd,
    env: given.env,
    // Read when a report goes to standard output, not before: entry.ts makes process.stdout only then.
    get stdoutIsTTY() {
      return given.stdoutIsTTY;
    },
  };
  let exitCode = 0;
  const program = new Command('kubeproof')
    .description('Prove Kubernetes manifests right before they reach a cluster.')
    .version(TOOL.version, '-V, --version')
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr })
    .showHelpAfterError('(run kubeproof --help for usage)');

  const runChecks = (which: typeof validate) => (given: string[], opts: SharedOptions, cmd: Command) => {
    const start = startRun(given, opts, io);
    if (start === 'failed') {
      exitCode = EXIT_ERROR;
      return;
    }
    const { paths, targets, config } = start;
    const fromFlags: ValidateOptions = {
      cwd: io.cwd,
      readStdin: io.readStdin,
      stdinFilename: opts.stdinFilename,
      maxFileSize: opts.maxFileSize,
      kubernetesVersion: parseKubernetesVersion(opts.kubernetesVersion),
      crdPaths: opts.crds,
      policyPaths: opts.policies,
      ignoreMissingSchemas: opts.ignoreMissingSchemas,
      skipKinds: opts.skipKinds,
      jobs: opts.jobs,
      beforeParse: tuneHeapFor,
      disable: opts.disable,
      enable: opts.enable,
      strictRefs: opts.strictRefs,
      totals: opts.totals,
      nodePaths: opts.nodes,
      nodePoolPaths: opts.nodePools,
      strategy: opts.strategy,
      tolerateNodeLoss: opts.tolerateNodeLoss,
      tolerateZoneLoss: opts.tolerateZoneLoss,
      suppressions: opts.suppressions,
      envsubst: envsubstOf(opts),
      // -q prints errors only: the rest needs no position while no warning is counted nor fixed.
      onlyErrorsShown: Boolean(opts.quiet) && !opts.fix && maxWarningsOf(opts, config, cmd) < 0,
    };
    // --kustomize-roots from the command line, else from kubeproof.yaml.
    const kustomizeRoots = cmd.getOptionValueSource('kustomizeRoots') !== 'cli' && config?.kustomizeRoots ? config.kustomizeRoots : opts.kustomizeRoots;
    const inputs = resolveTargets(paths, { ...opts, kustomizeRoots }, io.cwd);
    const merged = withConfig(fromFlags, config, cmd);
    const result = opts.fix ? fixThenCheck(() => which(inputs, merged), io) : which(inputs, merged);
    const maxWarnings = maxWarningsOf(opts, config, cmd);
    const shown: Diagnostic[] = opts.quiet ? result.diagnostics.filter((d) => d.severity === 'error') : result.diagnostics;
    // The placement (check --nodes) is drawn by the HTML report; the other formats carry it as findings.
    const report = { diagnostics: shown, files: result.files, totals: result.totals, ...(result.schedule && { schedule: result.schedule }) };
    writeReports(targets, (format, color) => formatReport(format, report, { color, cwd: io.cwd, rules: ruleCatalog(config) }), io, opts.color, [...result.readFiles, ...named(paths, io.cwd)]);

    for (const err of result.errors) io.stderr(`kubeproof: error: ${redactSecrets(err.message)}\n`);
    exitCode = exitCodeFor(result, { maxWarnings });
    warnPastMax(result.diagnostics, result.errors.length, maxWarnings, io);
  };

  const checkingCommands: [name: string, description: string, argument: string, run: typeof validate][] = [
    ['validate', 'validate manifests (files, directories, - for stdin) against the Kubernetes schemas, with every problem at its line and column', 'files or directories to check; - reads standard input', validate],
    ['check', 'render kustomization directories as kustomize would, then validate; other paths are validated as they are', 'kustomization directories, files or directories; - reads standard input', check],
    ['lint', 'render kustomizations, validate, and run the cross-resource rules (the same as check)', 'kustomization directories, files or directories; - reads standard input', check],
  ];
  for (const [name, description, argument, run] of checkingCommands) {
    const cmd = program.command(name).description(description).argument('[paths...]', argument);
    outputOptions(cmd);
    inputOptions(cmd, { stdin: true });
    schemaOptions(cmd);
    ruleOptions(cmd, { references: name !== 'validate' });
    if (name !== 'validate') {
      cmd.option('--fix', "apply each finding's one obvious edit to the input files (written atomically, each change printed to stderr), then report what remains; never a Secret's values");
      scheduleOptions(cmd, { command: 'check' });
      addTargetOptions(cmd);
    }
    cmd.action(runChecks(run));
  }

  const scheduleCmd = program.command('schedule').description('place every pod the workloads would create on a node inventory, as kube-scheduler would, and say why what does not fit').argument('[paths...]', 'kustomization directories, files or directories; - reads standard input');
  scheduleOptions(inputOptions(outputOptions(scheduleCmd), { stdin: true }), { command: 'schedule' }).action((given: string[], opts: SharedOptions, cmd: Command) => {
    const start = startRun(given, opts, io);
    if (start === 'failed') {
      exitCode = EXIT_ERROR;
      return;
    }
    const { paths, targets, config } = start;
    const merged = withConfig({ kubernetesVersion: parseKubernetesVersion(opts.kubernetesVersion), nodePaths: opts.nodes, strategy: opts.strategy, envsubst: envsubstOf(opts) }, config, cmd);
    if (!merged.nodePaths?.length) throw new KubeproofError('USAGE', 'schedule needs a node inventory: --nodes PATH (or nodes: in kubeproof.yaml)');
    const result = schedule(paths, {
      // kubeproof.yaml counts as in check: its include/exclude, rule severities and suppressions, its crds and skipKinds.
      config: merged.config,
      crdPaths: merged.crdPaths,
      ignoreMissingSchemas: merged.ignoreMissingSchemas,
      skipKinds: merged.skipKinds,
      cwd: io.cwd,
      readStdin: io.readStdin,
      stdinFilename: opts.stdinFilename,
      maxFileSize: opts.maxFileSize,
      kubernetesVersion: merged.kubernetesVersion,
      jobs: opts.jobs,
      beforeParse: tuneHeapFor,
      nodePaths: merged.nodePaths,
      nodePoolPaths: opts.nodePools,
      strategy: merged.strategy,
      tolerateNodeLoss: opts.tolerateNodeLoss,
      tolerateZoneLoss: opts.tolerateZoneLoss,
      headroom: opts.headroom,
      envsubst: merged.envsubst,
    });
    const diagnostics = opts.quiet ? result.diagnostics.filter((d) => d.severity === 'error') : result.diagnostics;
    // The text and JSON reports carry the placement; the pending pods, lost nodes and nodes to add are in it, not repeated as problems.
    const problems = diagnostics.filter((d) => !['unschedulable', 'node-loss', 'zone-loss', 'scale-up', 'no-pool'].includes(d.ruleId));
    const report = (format: ReportTarget['format'], color: boolean): string => {
      if (format === 'text') return (problems.length ? formatReport('text', { diagnostics: problems, files: result.files }, { color, cwd: io.cwd }) + '\n' : '') + scheduleText(result.report);
      if (format === 'json') return JSON.stringify({ ...result.report, diagnostics: JSON.parse(formatReport('json', { diagnostics: problems, files: result.files })).diagnostics }, null, 2) + '\n';
      if (format === 'html') return formatReport('html', { diagnostics: problems, files: result.files, schedule: result.report }, { cwd: io.cwd });
      return formatReport(format, { diagnostics, files: result.files }, { cwd: io.cwd });
    };
    writeReports(targets, report, io, opts.color, [...result.readFiles, ...named(paths, io.cwd), ...(config?.file ? [config.file] : [])]);
    for (const err of result.errors) io.stderr(`kubeproof: error: ${redactSecrets(err.message)}\n`);
    const maxWarnings = maxWarningsOf(opts, config, cmd);
    const failed = result.report.summary.pending > 0 || result.report.summary.notCreated > 0 || exitCodeFor(result, { maxWarnings }) !== 0;
    exitCode = result.errors.length > 0 ? EXIT_ERROR : failed ? EXIT_FINDINGS : 0;
    warnPastMax(result.diagnostics, result.errors.length, maxWarnings, io);
  });

  const renderCmd = program
    .command('render')
    .description('build a kustomization directory and print the result exactly as `kustomize build` does')
    .argument('<dir>', 'directory with a kustomization.yaml')
    .addOption(new Option('-k, --kubernetes-version <version>', 'Kubernetes version whose schemas drive strategic merge').choices(KUBERNETES_VERSIONS).default(DEFAULT_KUBERNETES_VERSION))
    .option('-o, --output <file>', 'write the YAML to a file (atomically) instead of stdout')
    .option('--origins', "annotate each resource with its source file, like kustomize's buildMetadata: [originAnnotations]")
    .option('--redact-secrets', 'mask the values of every Secret\'s data (base64 of "<redacted>") and stringData ("<redacted>"), keys kept')
    .option('--debug', 'print stack traces for internal errors');
  maxFileSizeOption(renderCmd)
    .action((dir: string, opts: { kubernetesVersion: string; output?: string; origins?: boolean; redactSecrets?: boolean; maxFileSize: number }) => {
      const rendered = render(dir, { cwd: io.cwd, kubernetesVersion: parseKubernetesVersion(opts.kubernetesVersion), origins: opts.origins, redactSecrets: opts.redactSecrets, maxFileSize: opts.maxFileSize });
      for (const w of rendered.warnings) io.stderr(w + '\n');
      for (const d of rendered.diagnostics) io.stderr(`kubeproof: error: ${d.file}:${d.line}:${d.column}: ${d.message}\n`);
      if (rendered.diagnostics.length > 0) {
        exitCode = EXIT_FINDINGS;
        return;
      }
      if (opts.output) {
        refuseInputs([{ file: opts.output, what: 'the build' }], rendered.files, io.cwd);
        writeFileAtomic(path.resolve(io.cwd, opts.output), rendered.yaml);
      }
      else io.stdout(rendered.yaml);
    });

  registerInit(program, io);
  registerLsp(program, io);
  const watchCmd = program.command('watch');
  outputOptions(watchCmd);
  inputOptions(watchCmd, { stdin: false });
  scheduleOptions(ruleOptions(schemaOptions(watchCmd), { references: true }), { command: 'check' });
  registerWatch(watchCmd, io, runChecks(check), (code) => (exitCode = code));
  registerRules(program, io, (code) => (exitCode = code));

  try {
    await program.parseAsync([...argv], { from: 'user' });
    return exitCode;
  } catch (err) {
    return handleError(err, io, argv.includes('--debug'));
  }
}

/** What every checking command settles before it reads an input: the paths, where reports go, the config. */
function startRun(given: readonly string[], opts: SharedOptions, io: CliIo): { paths: string[]; targets: ReportTarget[]; config: Config | undefined } | 'failed' {
  const paths = withStdin(given, opts);
  const targets = planReports(opts.format, opts.output, io.cwd);
  const config = configFor(opts, targets, io);
  return config === 'failed' ? 'failed' : { paths, targets, config };
}

/**
 * The run's config: undefined when there is none, 'failed' when it has problems (they are
 * printed, in the chosen format, and the run stops with exit 2 rather than check with half a config).
 */
function configFor(opts: { config?: string | boolean; color?: boolean }, targets: readonly ReportTarget[], io: CliIo): Config | undefined | 'failed' {
  const loaded = loadConfig(io.cwd, { file: typeof opts.config === 'string' ? opts.config : undefined, none: opts.config === false });
  const problems = loaded.diagnostics.filter((d) => d.severity === 'error');
  if (problems.length === 0) return loaded.config;
  const files = [...new Set(problems.map((d) => d.file))].map((file) => ({ file, resources: [] }));
  writeReports(targets, (format, color) => formatReport(format, { diagnostics: sortDiagnostics(problems), files }, { color, cwd: io.cwd }), io, opts.color, problems.map((d) => path.resolve(io.cwd, d.file)));
  io.stderr(`kubeproof: error: the configuration file has ${problems.length} problem${problems.length === 1 ? '' : 's'}; fix ${problems.length === 1 ? 'it' : 'them'} or run with --no-config\n`);
  return 'failed';
}

/** --max-warnings from the command line, else from kubeproof.yaml. */
function maxWarningsOf(opts: SharedOptions, config: Config | undefined, cmd: Command): number {
  return cmd.getOptionValueSource('maxWarnings') !== 'cli' && config?.maxWarnings !== undefined ? config.maxWarnings : opts.maxWarnings;
}

function warnPastMax(diagnostics: readonly Diagnostic[], errors: number, maxWarnings: number, io: CliIo): void {
  const { warnings } = countBySeverity(diagnostics);
  if (errors === 0 && maxWarnings >= 0 && warnings > maxWarnings) io.stderr(`kubeproof: ${warnings} warnings, more than --max-warnings ${maxWarnings}\n`);
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
    envsubst: envsubstWithConfig(fromFlags.envsubst, fromConfig.envsubst, given),
  };
}

/** --envsubst files and --no-envsubst-strict as the library takes them. */
function envsubstOf(opts: SharedOptions): ValidateOptions['envsubst'] {
  return opts.envsubst?.length ? { files: opts.envsubst, strict: opts.envsubstStrict !== false } : undefined;
}

/** The command line's --envsubst files replace the config's; --no-envsubst-strict wins over its strict. */
function envsubstWithConfig(flags: ValidateOptions['envsubst'], config: ValidateOptions['envsubst'], given: (flag: string) => boolean): ValidateOptions['envsubst'] {
  if (!config) return flags;
  const files = flags?.files?.length ? flags.files : config.files;
  return { files, strict: given('envsubstStrict') ? false : config.strict ?? true };
}

/** The paths named on the command line, absolute: whatever they hold, they are inputs never to write over. */
function named(paths: readonly string[], cwd: string): string[] {
  return paths.filter((p) => p !== '-').map((p) => path.resolve(cwd, p));
}

/** `--stdin` is the path `-`; a run needs at least one path. */
function withStdin(paths: readonly string[], opts: { stdin?: boolean }): string[] {
  const out = opts.stdin && !paths.includes('-') ? [...paths, '-'] : [...paths];
  if (out.length === 0) throw new KubeproofError('USAGE', 'no paths given: name files or directories, or use --stdin');
  return out;
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
