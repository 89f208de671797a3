/**
 * Runs a composite action's steps as the Actions runner would, far enough to test ours:
 * `${{ }}` expressions over inputs, github.action_path, runner.temp and earlier steps'
 * outputs (with ==, !=, &&, ||, !, always(), success()); `run:` steps through bash with their
 * `env:` and `working-directory:`, and GITHUB_OUTPUT read back after each; `uses:` steps are not
 * run (they are other repositories' actions) but their `with:` is evaluated and recorded.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse } from 'yaml';

export interface ActionSpec {
  inputs: Record<string, { description: string; required?: boolean; default?: string }>;
  outputs?: Record<string, { description: string; value: string }>;
  runs: { using: string; steps: Step[] };
}

export interface Step {
  id?: string;
  name?: string;
  if?: string;
  uses?: string;
  with?: Record<string, string>;
  shell?: string;
  run?: string;
  env?: Record<string, string>;
  'working-directory'?: string;
}

export interface StepResult {
  name: string;
  ran: boolean;
  code: number;
  stdout: string;
  stderr: string;
  with?: Record<string, string>;
}

export interface CompositeRun {
  steps: StepResult[];
  outputs: Record<string, string>;
  /** 0 when every step that ran passed, else the first failing step's code. */
  code: number;
}

export function readAction(file: string): ActionSpec {
  return parse(fs.readFileSync(file, 'utf8')) as ActionSpec;
}

/** Every `${{ ... }}` expression in a text. */
export function expressionsIn(text: string): string[] {
  return [...text.matchAll(/\$\{\{(.*?)\}\}/g)].map((m) => m[1]!.trim());
}

interface Context {
  inputs: Record<string, string>;
  github: Record<string, string>;
  runner: Record<string, string>;
  steps: Record<string, { outputs: Record<string, string> }>;
  failed: boolean;
}

export function runComposite(spec: ActionSpec, given: Record<string, string>, env: { workspace: string; actionPath: string; temp: string; extraEnv?: Record<string, string> }): CompositeRun {
  const inputs: Record<string, string> = {};
  for (const [name, input] of Object.entries(spec.inputs)) inputs[name] = given[name] ?? input.default ?? '';
  for (const name of Object.keys(given)) if (!(name in spec.inputs)) throw new Error(`input ${name} is not declared`);
  const ctx: Context = { inputs, github: { action_path: env.actionPath, workspace: env.workspace }, runner: { temp: env.temp }, steps: {}, failed: false };
  const results: StepResult[] = [];
  let code = 0;
  for (const [i, step] of spec.runs.steps.entries()) {
    const name = step.name ?? step.id ?? `step ${i + 1}`;
    // As the runner does: a condition without a status function also needs success().
    const written = step.if?.replace(/^\s*\$\{\{|\}\}\s*$/g, '');
    const condition = written === undefined ? evaluate('success()', ctx) : /\b(always|success|failure|cancelled)\(\)/.test(written) ? evaluate(written, ctx) : evaluate(`success() && (${written})`, ctx);
    if (!truthy(condition)) {
      results.push({ name, ran: false, code: 0, stdout: '', stderr: '' });
      continue;
    }
    if (step.uses) {
      results.push({ name, ran: true, code: 0, stdout: '', stderr: '', with: Object.fromEntries(Object.entries(step.with ?? {}).map(([k, v]) => [k, substitute(String(v), ctx)])) });
      continue;
    }
    const outputFile = path.join(env.temp, `output-${i}`);
    fs.writeFileSync(outputFile, '');
    const stepEnv = Object.fromEntries(Object.entries(step.env ?? {}).map(([k, v]) => [k, substitute(String(v), ctx)]));
    const cwd = path.resolve(env.workspace, substitute(step['working-directory'] ?? '.', ctx));
    const r = spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', '-c', substitute(step.run ?? '', ctx)], {
      cwd,
      encoding: 'utf8',
      env: {
        PATH: process.env.PATH,
        HOME: process.env.HOME,
        GITHUB_ACTIONS: 'true',
        CI: 'true',
        GITHUB_WORKSPACE: env.workspace,
        GITHUB_ACTION_PATH: env.actionPath,
        GITHUB_OUTPUT: outputFile,
        GITHUB_STEP_SUMMARY: path.join(env.temp, 'summary.md'),
        RUNNER_TEMP: env.temp,
        ...env.extraEnv,
        ...stepEnv,
      },
    });
    const stepCode = r.status ?? 1;
    if (step.id) ctx.steps[step.id] = { outputs: readOutputs(outputFile) };
    results.push({ name, ran: true, code: stepCode, stdout: r.stdout, stderr: r.stderr });
    if (stepCode !== 0 && !ctx.failed) {
      ctx.failed = true;
      code = stepCode;
    }
  }
  const outputs = Object.fromEntries(Object.entries(spec.outputs ?? {}).map(([k, o]) => [k, substitute(o.value, ctx)]));
  return { steps: results, outputs, code };
}

function readOutputs(file: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const line of fs.readFileSync(file, 'utf8').split('\n')) {
    const eq = line.indexOf('=');
    if (eq > 0) out[line.slice(0, eq)] = line.slice(eq + 1);
  }
  return out;
}

function substitute(text: string, ctx: Context): string {
  return text.replace(/\$\{\{(.*?)\}\}/g, (_, e: string) => String(evaluate(e, ctx)));
}

function truthy(v: unknown): boolean {
  return v !== '' && v !== false && v !== 0 && v !== null && v !== undefined;
}

/** The expression language, as much of it as the action uses. */
function evaluate(source: string, ctx: Context): string | boolean {
  const tokens = source.match(/'(?:[^']|'')*'|&&|\|\||==|!=|!|\(|\)|[A-Za-z_][\w.-]*(?:\(\))?/g) ?? [];
  let pos = 0;
  const peek = () => tokens[pos];
  const next = () => tokens[pos++]!;
  const primary = (): string | boolean => {
    const t = next();
    if (t === '!') return !truthy(primary());
    if (t === '(') {
      const v = or();
      next();
      return v;
    }
    if (t.startsWith("'")) return t.slice(1, -1).replace(/''/g, "'");
    if (t === 'always()') return true;
    if (t === 'success()') return !ctx.failed;
    if (t === 'failure()') return ctx.failed;
    if (t === 'true' || t === 'false') return t === 'true';
    const [scope, ...rest] = t.split('.');
    if (scope === 'inputs') return ctx.inputs[rest.join('.')] ?? '';
    if (scope === 'github') return ctx.github[rest.join('.')] ?? '';
    if (scope === 'runner') return ctx.runner[rest.join('.')] ?? '';
    if (scope === 'steps' && rest[1] === 'outputs') return ctx.steps[rest[0]!]?.outputs[rest.slice(2).join('.')] ?? '';
    throw new Error(`expression not understood: ${t} in ${source}`);
  };
  const comparison = (): string | boolean => {
    let left = primary();
    while (peek() === '==' || peek() === '!=') {
      const op = next();
      const right = primary();
      const equal = String(left).toLowerCase() === String(right).toLowerCase();
      left = op === '==' ? equal : !equal;
    }
    return left;
  };
  const and = (): string | boolean => {
    let left = comparison();
    while (peek() === '&&') {
      next();
      const right = comparison();
      left = truthy(left) ? right : left;
    }
    return left;
  };
  const or = (): string | boolean => {
    let left = and();
    while (peek() === '||') {
      next();
      const right = and();
      left = truthy(left) ? left : right;
    }
    return left;
  };
  const value = or();
  if (pos !== tokens.length) throw new Error(`expression not understood: ${source}`);
  return value;
}
