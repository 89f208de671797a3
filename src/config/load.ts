/** Reading kubeproof.yaml: parse with positions, check against the schema and the known rules, resolve paths. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createRequire } from 'node:module';
import { escapeSegment, KubeproofError, START_OF_FILE, type Diagnostic, type Severity } from '../core/index.js';
import { displayPath, parsePlainDocuments } from '../load/index.js';
import { didYouMean } from './did-you-mean.js';
import type { PodSecuritySettings } from '../policy/index.js';
import { compileCel } from '../cel/index.js';
import { emptyConfig, type Config, type ConfigSeverity, type CustomRuleSetting, type KnownRule, type RuleSetting } from './types.js';
import { CONFIG_RULE_ID, configProblem, fieldName, schemaProblems, type Place } from './validate.js';

const require = createRequire(import.meta.url);

/** The variables a custom rule's expression sees (policy/custom runs it). */
const CUSTOM_RULE_VARIABLES = ['object'];

export interface LoadedConfig {
  /** Undefined when the file has problems: a run does not go on with half a config. */
  config?: Config;
  diagnostics: Diagnostic[];
}

/** Reads and checks a config file; an unreadable file is an input error (exit 2), a bad one gets positioned diagnostics. */
export function readConfig(file: string, cwd: string, knownRules: readonly KnownRule[]): LoadedConfig {
  const absolute = path.resolve(cwd, file);
  let text: string;
  try {
    text = fs.readFileSync(absolute, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new KubeproofError('INPUT', code === 'ENOENT' ? `config file ${displayPath(absolute, cwd)} does not exist` : `cannot read config file ${displayPath(absolute, cwd)}: ${(err as Error).message}`);
  }
  return parseConfig(text, absolute, cwd, knownRules);
}

export function parseConfig(text: string, absolute: string, cwd: string, knownRules: readonly KnownRule[]): LoadedConfig {
  const shown = displayPath(absolute, cwd);
  // YAML 1.2, as kustomize reads: `off` is the string, not a boolean as in YAML 1.1.
  const parsed = parsePlainDocuments(text, shown, { typing: 'kustomize' });
  const diagnostics = parsed.diagnostics.map((d) => ({ ...d, ruleId: d.severity === 'error' ? CONFIG_RULE_ID : d.ruleId }));
  if (diagnostics.some((d) => d.severity === 'error')) return { diagnostics };
  if (parsed.documents.length > 1) {
    return { diagnostics: [{ ruleId: CONFIG_RULE_ID, severity: 'error', message: 'a config file holds one YAML document', file: shown, ...START_OF_FILE, path: '' }] };
  }
  const doc = parsed.documents[0];
  const dir = path.dirname(absolute);
  // An empty file is a valid config that changes nothing.
  if (!doc || doc.value === null) return { config: { ...emptyConfig(dir), file: absolute }, diagnostics };
  const place: Place = { file: shown, locate: (p) => doc.locate(p) };
  const problems = schemaProblems(doc.value, place);
  if (problems.length === 0) problems.push(...ruleProblems(doc.value as Record<string, unknown>, place, knownRules));
  if (problems.length > 0) return { diagnostics: [...diagnostics, ...problems] };
  return { config: toConfig(doc.value as Record<string, unknown>, absolute), diagnostics };
}

/** Rule ids the tool knows (with a did-you-mean), and options as each rule's schema allows. */
function ruleProblems(value: Record<string, unknown>, place: Place, knownRules: readonly KnownRule[]): Diagnostic[] {
  const known = new Map(knownRules.map((r) => [r.id, r]));
  const out: Diagnostic[] = [];
  const checkIds = (rules: Record<string, unknown>, base: string) => {
    for (const id of Object.keys(rules)) {
      if (!known.has(id)) out.push(configProblem(place, `${base}/${escapeSegment(id)}`, `unknown rule "${id}"${didYouMean(id, known.keys())}; \`kubeproof rules\` lists them`, 'key'));
    }
  };
  const { custom, ...rules } = (value.rules ?? {}) as Record<string, unknown>;
  out.push(...customRuleProblems(custom as Record<string, unknown>[] | undefined, known, place));
  for (const r of (custom ?? []) as { id: string }[]) if (!known.has(r.id)) known.set(r.id, { id: r.id });
  checkIds(rules, '/rules');
  for (const [id, setting] of Object.entries(rules)) {
    const rule = known.get(id);
    if (!rule || typeof setting !== 'object' || setting === null || !('options' in setting)) continue;
    const pointer = `/rules/${escapeSegment(id)}/options`;
    if (!rule.optionsSchema) {
      out.push(configProblem(place, pointer, `rule "${id}" takes no options`, 'key'));
      continue;
    }
    out.push(...optionProblems(rule, (setting as { options: unknown }).options, place, pointer));
  }
  ((value.overrides ?? []) as { rules: Record<string, unknown> }[]).forEach((o, i) => checkIds(o.rules, `/overrides/${i}/rules`));
  return out;
}

/** Custom rule ids must be new and unique, and their expressions compile (CEL on `object`). */
function customRuleProblems(custom: Record<string, unknown>[] | undefined, builtIn: ReadonlyMap<string, KnownRule>, place: Place): Diagnostic[] {
  const out: Diagnostic[] = [];
  const seen = new Set<string>();
  (custom ?? []).forEach((r, i) => {
    const id = String(r.id);
    if (builtIn.has(id)) out.push(configProblem(place, `/rules/custom/${i}/id`, `custom rule "${id}" has the id of a built-in rule; choose another id`));
    else if (seen.has(id)) out.push(configProblem(place, `/rules/custom/${i}/id`, `custom rule "${id}" is defined twice`));
    seen.add(id);
    const compiled = compileCel(String(r.expression), CUSTOM_RULE_VARIABLES);
    if ('error' in compiled) out.push(configProblem(place, `/rules/custom/${i}/expression`, `rules.custom[${i}].expression: compilation failed: ${compiled.error}`));
  });
  return out;
}

function optionProblems(rule: KnownRule, options: unknown, place: Place, pointer: string): Diagnostic[] {
  const { Ajv } = require('ajv') as typeof import('ajv');
  const validate = new Ajv({ allErrors: true, strict: false }).compile(rule.optionsSchema!);
  if (validate(options)) return [];
  return (validate.errors ?? []).map((e) => {
    if (e.keyword === 'additionalProperties') {
      const key = String((e.params as { additionalProperty: string }).additionalProperty);
      const props = Object.keys((rule.optionsSchema!.properties as Record<string, unknown> | undefined) ?? {});
      return configProblem(place, `${pointer}${e.instancePath}/${escapeSegment(key)}`, `rule "${rule.id}" has no option "${key}"${didYouMean(key, props)}`, 'key');
    }
    const where = pointer + e.instancePath;
    const allowed = e.keyword === 'enum' ? ` ${(e.params as { allowedValues: unknown[] }).allowedValues.map(String).join(', ')}` : '';
    return configProblem(place, where, `${fieldName(where)}: ${e.message ?? 'is not valid'}${allowed}`);
  });
}

function toConfig(v: Record<string, unknown>, file: string): Config {
  const dir = path.dirname(file);
  const strings = (x: unknown) => (Array.isArray(x) ? x.map(String) : []);
  const rules: Record<string, RuleSetting> = {};
  const { custom, ...settings } = (v.rules ?? {}) as Record<string, unknown>;
  for (const [id, s] of Object.entries(settings)) rules[id] = typeof s === 'string' ? { severity: s as ConfigSeverity } : (s as RuleSetting);
  const customRules = ((custom ?? []) as Record<string, unknown>[]).map((r): CustomRuleSetting => {
    const match = (r.match ?? {}) as { kinds?: unknown; namespaces?: unknown };
    return { id: String(r.id), severity: (r.severity as Severity | undefined) ?? 'warning', kinds: strings(match.kinds), namespaces: strings(match.namespaces), expression: String(r.expression), ...(typeof r.message === 'string' && { message: r.message }) };
  });
  return {
    file,
    dir,
    ...(v.kubernetesVersion !== undefined && { kubernetesVersion: v.kubernetesVersion as Config['kubernetesVersion'] }),
    crds: strings(v.crds).map((p) => path.resolve(dir, p)),
    nodes: strings(v.nodes).map((p) => path.resolve(dir, p)),
    include: strings(v.include),
    exclude: strings(v.exclude),
    ...(v.kustomizeRoots !== undefined && { kustomizeRoots: v.kustomizeRoots as 'auto' | 'off' }),
    ...(v.strictRefs !== undefined && { strictRefs: v.strictRefs as boolean }),
    ...(v.maxWarnings !== undefined && { maxWarnings: v.maxWarnings as number }),
    ...(v.ignoreMissingSchemas !== undefined && { ignoreMissingSchemas: v.ignoreMissingSchemas as boolean }),
    skipKinds: strings(v.skipKinds),
    ...(v.strategy !== undefined && { strategy: v.strategy as Config['strategy'] }),
    ...(v.envsubst !== undefined && { envsubst: envsubstOf(v.envsubst as { files?: unknown; strict?: boolean }, dir) }),
    ...(v.podSecurity !== undefined && { podSecurity: podSecurityOf(v.podSecurity as RawPodSecurity) }),
    rules,
    customRules,
    overrides: ((v.overrides ?? []) as { files: unknown; rules: Record<string, ConfigSeverity> }[]).map((o) => ({ files: strings(o.files), rules: { ...o.rules } })),
  };
}

/** `envsubst:` as the schema accepted it, its files resolved against the config's directory. */
function envsubstOf(raw: { files?: unknown; strict?: boolean }, dir: string): NonNullable<Config['envsubst']> {
  const files = (Array.isArray(raw.files) ? raw.files.map(String) : []).map((p) => path.resolve(dir, p));
  return { files, ...(raw.strict !== undefined && { strict: raw.strict }) };
}

interface RawPodSecurity {
  default?: string;
  version?: string;
  exemptions?: { namespaces?: string[]; runtimeClasses?: string[] };
}

/** `podSecurity` as the schema accepted it: `default` a level, `version` latest or v1.X. */
function podSecurityOf(raw: RawPodSecurity): NonNullable<Config['podSecurity']> {
  const version = raw.version === undefined || raw.version === 'latest' ? 'latest' : Number(raw.version.slice(3));
  return {
    ...(raw.default !== undefined && { default: { level: raw.default as NonNullable<PodSecuritySettings['default']>['level'], version } }),
    ...(raw.exemptions && { exemptions: { namespaces: raw.exemptions.namespaces ?? [], runtimeClasses: raw.exemptions.runtimeClasses ?? [] } }),
  };
}
