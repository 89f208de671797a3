/**
 * The one Ajv configuration, shared by the build-time compiler (scripts/compile-validators.mjs)
 * and the runtime fallback, so precompiled and lazily compiled validators behave alike.
 */
import { createRequire } from 'node:module';
import type { Ajv, Options } from 'ajv';
import type addFormatsModule from 'ajv-formats';
import { goRegExpEngine } from './go-regexp.js';

// Loaded on first use: a run that only needs the precompiled validators never pays for Ajv's compiler.
const require = createRequire(import.meta.url);

/** Kubernetes extensions are data for other stages (strategic merge, list keys), not validation keywords. */
export const KUBERNETES_KEYWORDS = [
  'x-kubernetes-patch-merge-key',
  'x-kubernetes-patch-strategy',
  'x-kubernetes-list-type',
  'x-kubernetes-list-map-keys',
  'x-kubernetes-int-or-string',
  'x-kubernetes-preserve-unknown-fields',
  'x-kubernetes-embedded-resource',
  'x-kubernetes-map-type',
  'x-kubernetes-validations',
  'x-kubernetes-group-version-kind',
  'example',
  'externalDocs',
];

/** Formats custom resources may declare that ajv-formats knows; others are ignored, as the API server ignores unknown ones. */
const FORMATS = ['int32', 'int64', 'float', 'double', 'byte', 'date', 'date-time', 'duration', 'uuid', 'email', 'hostname', 'ipv4', 'ipv6', 'uri'] as const;

export function createAjv(options: Options = {}): Ajv {
  const { Ajv: AjvClass } = require('ajv') as typeof import('ajv');
  const addFormats = (require('ajv-formats') as typeof addFormatsModule).default;
  const ajv = new AjvClass({
    allErrors: true,
    allowUnionTypes: true,
    strict: false,
    logger: false,
    validateFormats: true,
    ...options,
    // Every `pattern` is Go regexp syntax, matched as the API server matches it (go-regexp.ts).
    code: { ...options.code, regExp: goRegExpEngine },
  });
  addFormats(ajv, [...FORMATS]);
  // Quantities are checked against their real grammar by a check of their own, with the API server's message.
  ajv.addFormat('quantity', true);
  ajv.addVocabulary(KUBERNETES_KEYWORDS);
  return ajv;
}

export const BUNDLE_SCHEMA_ID = 'kubernetes';

export function definitionRef(definition: string): string {
  return `${BUNDLE_SCHEMA_ID}#/definitions/${definition}`;
}

/** The precompiled module of a kind: compiled/<version>/<this name>, or that name + `.br` compressed (see requireCached). */
export function validatorFileName(key: string): string {
  return key.replace(/[^A-Za-z0-9.-]/g, '_') + '.cjs';
}
