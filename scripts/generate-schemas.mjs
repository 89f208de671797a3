#!/usr/bin/env node
// Generates schemas/kubernetes-<version>.json from the official Kubernetes OpenAPI v3 spec
// (../shared/kubernetes-openapi/v1.NN, one file per group-version, as kube-apiserver serves
// /openapi/v3). Run with `npm run schemas`; the output is deterministic (sorted keys, no
// timestamps), so regenerating gives byte-identical files.
//
// What changes on the way:
//  - descriptions, examples and object-valued defaults are dropped (scalar defaults stay:
//    list-map keys such as a port's protocol default to "TCP" when compared);
//  - `allOf: [{$ref}]` wrappers become plain `$ref`s into `#/definitions/`;
//  - every object with `properties` gets `additionalProperties: false` unless it preserves
//    unknown fields: that is kubectl's --validate=strict ("unknown field");
//  - IntOrString becomes `type: [integer, string]`, Quantity `type: [string, number]` with
//    format "quantity" (the grammar is checked in code);
//  - only formats the API server enforces on decoding stay: int32, int64, byte, date-time;
//  - the patch metadata the renderer needs stays: x-kubernetes-patch-merge-key,
//    -patch-strategy, -list-type, -list-map-keys; also -int-or-string,
//    -preserve-unknown-fields and -embedded-resource.
//  - enumerations the API server enforces in code are added (scripts/api-server-enums.mjs), and
//    `required` entries it does not enforce are dropped (notRequiredByApiServer, same file);
//  - an index maps "apiVersion/Kind" to its definition and scope (namespaced or not, from
//    the spec's paths).
//
// The descriptions dropped from the bundles go to schemas/descriptions/kubernetes-<version>.json,
// by definition and property ("" for the definition's own): read only by the language server's
// hover and completion, so a check never loads them.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { apiServerEnums, notRequiredByApiServer } from './api-server-enums.mjs';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const source = process.env.KUBEPROOF_OPENAPI_DIR ?? path.join(root, '..', 'shared', 'kubernetes-openapi');
const outDir = process.argv[2] ?? path.join(root, 'schemas');

const KEEP_EXTENSIONS = new Set([
  'x-kubernetes-patch-merge-key',
  'x-kubernetes-patch-strategy',
  'x-kubernetes-list-type',
  'x-kubernetes-list-map-keys',
  'x-kubernetes-int-or-string',
  'x-kubernetes-preserve-unknown-fields',
  'x-kubernetes-embedded-resource',
]);
const KEEP_FORMATS = new Set(['int32', 'int64', 'byte', 'date-time']);
const REF_PREFIX = '#/components/schemas/';
const QUANTITY = 'io.k8s.apimachinery.pkg.api.resource.Quantity';
const INT_OR_STRING = 'io.k8s.apimachinery.pkg.util.intstr.IntOrString';

function listSpecFiles(dir) {
  const files = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const p = path.join(dir, entry.name);
    if (entry.isDirectory()) files.push(...listSpecFiles(p));
    else if (entry.name.endsWith('.json')) files.push(p);
  }
  return files;
}

function convert(schema, name) {
  if (name === QUANTITY) return { type: ['string', 'number'], format: 'quantity' };
  if (name === INT_OR_STRING) return { type: ['integer', 'string'], 'x-kubernetes-int-or-string': true };
  return dropRequired(addEnums(convertNode(schema), name), name);
}

function dropRequired(def, name) {
  const dropped = new Set(notRequiredByApiServer[name] ?? []);
  if (dropped.size > 0 && Array.isArray(def.required)) def.required = def.required.filter((p) => !dropped.has(p));
  return def;
}

function addEnums(def, name) {
  for (const [property, rule] of Object.entries(apiServerEnums[name] ?? {})) {
    const target = rule.items ? def.properties?.[property]?.items : def.properties?.[property];
    if (!target) continue; // the field does not exist in this Kubernetes version
    target.enum = rule.allowEmpty ? ['', ...rule.values] : [...rule.values];
  }
  return def;
}

function convertNode(node) {
  if (Array.isArray(node)) return node.map(convertNode);
  if (node === null || typeof node !== 'object') return node;
  const out = {};
  for (const [key, value] of Object.entries(node)) {
    if (key === 'description' || key === 'example' || key === 'externalDocs' || key === 'x-kubernetes-group-version-kind') continue;
    if (key.startsWith('x-') && !KEEP_EXTENSIONS.has(key)) continue;
    if (key === 'default' && (value === null || typeof value === 'object')) continue;
    if (key === 'format' && !KEEP_FORMATS.has(value)) continue;
    if (key === 'allOf' && Array.isArray(value) && value.length === 1 && value[0].$ref) {
      out.$ref = rewriteRef(value[0].$ref);
      continue;
    }
    if (key === '$ref') out.$ref = rewriteRef(value);
    else if (key === 'properties') out.properties = Object.fromEntries(Object.entries(value).map(([k, v]) => [k, convertNode(v)]));
    else out[key] = convertNode(value);
  }
  if (out.properties && out.additionalProperties === undefined && !out['x-kubernetes-preserve-unknown-fields']) {
    out.additionalProperties = false;
  }
  return out;
}

function rewriteRef(ref) {
  if (!ref.startsWith(REF_PREFIX)) throw new Error(`unexpected $ref ${ref}`);
  return '#/definitions/' + ref.slice(REF_PREFIX.length);
}

function sortKeys(value) {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(Object.keys(value).sort().map((k) => [k, sortKeys(value[k])]));
}

function apiVersionOf(gvk) {
  return gvk.group ? `${gvk.group}/${gvk.version}` : gvk.version;
}

/** A definition's own description (under "") and its properties', as the spec words them. */
function describe(schema) {
  const out = {};
  if (typeof schema.description === 'string') out[''] = schema.description;
  for (const [property, node] of Object.entries(schema.properties ?? {})) {
    if (typeof node?.description === 'string') out[property] = node.description;
  }
  return out;
}

function generate(versionDir) {
  const definitions = {};
  const descriptions = {};
  const gvkToDefinition = new Map();
  const scope = new Map(); // "apiVersion/Kind" -> true when namespaced
  for (const file of listSpecFiles(versionDir)) {
    const spec = JSON.parse(fs.readFileSync(file, 'utf8'));
    for (const [name, schema] of Object.entries(spec.components?.schemas ?? {})) {
      const converted = sortKeys(convert(schema, name));
      const previous = definitions[name];
      if (previous && JSON.stringify(previous) !== JSON.stringify(converted)) throw new Error(`${name} differs between group-versions`);
      definitions[name] = converted;
      // The first group-version's words (files are read in sorted order): the same type may be described a little differently elsewhere.
      descriptions[name] ??= describe(schema);
      for (const gvk of schema['x-kubernetes-group-version-kind'] ?? []) {
        const key = `${apiVersionOf(gvk)}/${gvk.kind}`;
        if (!gvkToDefinition.has(key)) gvkToDefinition.set(key, name);
      }
    }
    for (const [p, item] of Object.entries(spec.paths ?? {})) {
      for (const op of Object.values(item)) {
        const gvk = op?.['x-kubernetes-group-version-kind'];
        if (!gvk) continue;
        const key = `${apiVersionOf(gvk)}/${gvk.kind}`;
        scope.set(key, (scope.get(key) ?? false) || p.includes('/namespaces/{namespace}/'));
      }
    }
  }
  const kinds = {};
  for (const key of [...scope.keys()].sort()) {
    const definition = gvkToDefinition.get(key);
    if (!definition) continue; // served only as a subresource without a schema of its own
    kinds[key] = { definition, namespaced: scope.get(key) };
  }
  return { kinds, definitions: sortKeys(definitions), descriptions: sortKeys(descriptions) };
}

fs.mkdirSync(outDir, { recursive: true });
const versions = fs.readdirSync(source).filter((v) => /^v\d+\.\d+$/.test(v)).sort((a, b) => Number(a.split('.')[1]) - Number(b.split('.')[1]));
const written = [];
for (const v of versions) {
  const version = v.slice(1);
  const { kinds, definitions, descriptions } = generate(path.join(source, v));
  const bundle = {
    $comment: `Generated by scripts/generate-schemas.mjs from the Kubernetes ${version} OpenAPI v3 spec; do not edit. Regenerate with: npm run schemas`,
    kubernetesVersion: version,
    kinds,
    definitions,
  };
  const file = path.join(outDir, `kubernetes-${version}.json`);
  fs.writeFileSync(file, JSON.stringify(bundle) + '\n');
  written.push(`${path.relative(root, file)}: ${Object.keys(kinds).length} kinds, ${Object.keys(definitions).length} definitions, ${(fs.statSync(file).size / 1024).toFixed(0)} KiB`);
  const described = path.join(outDir, 'descriptions', `kubernetes-${version}.json`);
  fs.mkdirSync(path.dirname(described), { recursive: true });
  const comment = `Generated by scripts/generate-schemas.mjs from the Kubernetes ${version} OpenAPI v3 spec: the descriptions of schemas/kubernetes-${version}.json, by definition and property; do not edit. Regenerate with: npm run schemas`;
  fs.writeFileSync(described, JSON.stringify({ $comment: comment, kubernetesVersion: version, definitions: descriptions }) + '\n');
  written.push(`${path.relative(root, described)}: ${(fs.statSync(described).size / 1024).toFixed(0)} KiB`);
}
console.log(written.join('\n'));
