/**
 * kubeproof.yaml against schemas/kubeproof/config.schema.json, each problem at its line and
 * column: unknown keys with a did-you-mean, wrong types and values with what is accepted.
 */
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import type { ErrorObject, ValidateFunction } from 'ajv';
import { escapeSegment, parsePointer, valueAt, type Diagnostic, type Located } from '../core/index.js';
import { didYouMean } from './did-you-mean.js';

const require = createRequire(import.meta.url);
const SCHEMA_FILE = new URL('../../schemas/kubeproof/config.schema.json', import.meta.url);

export const CONFIG_RULE_ID = 'invalid-config';

type Schema = Record<string, unknown>;
let compiled: { validate: ValidateFunction; schema: Schema } | undefined;

export function configSchema(): Schema {
  return compiledSchema().schema;
}

function compiledSchema(): { validate: ValidateFunction; schema: Schema } {
  if (!compiled) {
    const schema = JSON.parse(fs.readFileSync(SCHEMA_FILE, 'utf8')) as Schema;
    const { Ajv } = require('ajv') as typeof import('ajv');
    compiled = { validate: new Ajv({ allErrors: true, strict: false, verbose: true }).compile(schema), schema };
  }
  return compiled;
}

export interface Place {
  file: string;
  locate(pointer: string): Located;
}

export function configProblem(place: Place, pointer: string, message: string, at: 'key' | 'value' = 'value'): Diagnostic {
  const located = place.locate(pointer);
  const span = (at === 'key' || !located.exact) && located.key ? located.key : located.value;
  return { ruleId: CONFIG_RULE_ID, severity: 'error', message, file: place.file, ...span, path: pointer };
}

/** Schema problems of a parsed config, or none. */
export function schemaProblems(value: unknown, place: Place): Diagnostic[] {
  const { validate } = compiledSchema();
  if (validate(value)) return [];
  return explain(validate.errors ?? [], value).map(({ pointer, message, at }) => configProblem(place, pointer, message, at));
}

interface Explained {
  pointer: string;
  message: string;
  at: 'key' | 'value';
}

/**
 * Ajv reports every branch of an anyOf; a person wants the one their value was trying to be
 * (a severity string, or a {severity, options} object), so only that branch's errors are kept.
 */
function explain(errors: readonly ErrorObject[], value: unknown): Explained[] {
  const anyOfAt = new Set(errors.filter((e) => e.keyword === 'anyOf').map((e) => e.instancePath));
  const out: Explained[] = [];
  for (const e of errors) {
    if (e.keyword === 'anyOf') continue;
    if (anyOfAt.has(e.instancePath)) {
      const data = valueAt(value, e.instancePath);
      const isObject = typeof data === 'object' && data !== null && !Array.isArray(data);
      if (typeof data === 'string') {
        if (e.keyword !== 'enum') continue; // the object branch's "must be object"
      } else if (isObject) {
        if (e.keyword === 'enum' || e.keyword === 'type') continue; // the string branch's complaints
      } else {
        if (!out.some((o) => o.pointer === e.instancePath)) out.push({ pointer: e.instancePath, message: `${fieldName(e.instancePath)}: must be a severity (off, info, warning, error) or a map with severity and options`, at: 'value' });
        continue;
      }
    }
    out.push(explainOne(e));
  }
  return dedupe(out);
}

function explainOne(e: ErrorObject): Explained {
  const field = fieldName(e.instancePath);
  switch (e.keyword) {
    case 'additionalProperties': {
      const key = String((e.params as { additionalProperty: string }).additionalProperty);
      const known = Object.keys(((e.parentSchema as Schema | undefined)?.properties as Schema | undefined) ?? {});
      const where = e.instancePath === '' ? '' : ` in ${field}`;
      return { pointer: `${e.instancePath}/${escapeSegment(key)}`, message: `unknown key "${key}"${where}${didYouMean(key, known)}`, at: 'key' };
    }
    case 'enum': {
      const allowed = (e.params as { allowedValues: unknown[] }).allowedValues.map(String);
      return { pointer: e.instancePath, message: `${field}: must be one of ${allowed.join(', ')}`, at: 'value' };
    }
    case 'type':
      return { pointer: e.instancePath, message: `${field}: must be ${article(String((e.params as { type: string }).type))}`, at: 'value' };
    case 'required':
      return { pointer: e.instancePath, message: `${field}: "${String((e.params as { missingProperty: string }).missingProperty)}" is required`, at: 'value' };
    default:
      return { pointer: e.instancePath, message: `${field}: ${e.message ?? 'is not valid'}`, at: 'value' };
  }
}

function article(type: string): string {
  return type === 'integer' || type === 'object' || type === 'array' ? `an ${type}` : `a ${type}`;
}

/** `rules.latest-tag`, `overrides[0].files`: where a person finds it in the file. */
export function fieldName(pointer: string): string {
  if (pointer === '') return 'the config';
  return parsePointer(pointer)
    .map((s, i) => (/^\d+$/.test(s) ? `[${s}]` : i === 0 ? s : `.${s}`))
    .join('');
}

function dedupe(list: Explained[]): Explained[] {
  const seen = new Set<string>();
  return list.filter((e) => {
    const k = `${e.pointer}\u0000${e.message}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

export const configProblemMetas = [
  {
    id: CONFIG_RULE_ID,
    severity: 'error' as const,
    description: 'A kubeproof.yaml that does not match its schema, or names a rule or option that does not exist',
    docs: 'The config file is checked against schemas/kubeproof/config.schema.json and against the rules the tool knows, each problem at its line and column with a did-you-mean for misspelt keys and rule ids. A run with a broken config stops (exit 2) rather than checking with half of it.',
  },
];
