/**
 * The quick fix for a removed apiVersion: its successor, offered only where the schema allows it,
 * that is when the object as written is valid under the successor's schema too. Many moves
 * changed fields as well (an extensions/v1beta1 Ingress's `serviceName` is
 * `service.name` in networking.k8s.io/v1): those need a person, not a one-word edit.
 */
import type { Resource, SuggestionSpec } from '../core/index.js';
import { pruneNulls } from './prune-nulls.js';
import type { SchemaRegistry } from './registry.js';
import { removalOf } from './removed-apis.js';

/** An apiVersion the table names as the replacement, rather than words ("Pod Security Admission ..."). */
const API_VERSION = /^([a-z0-9.-]+\/)?v\d+((alpha|beta)\d+)?$/;

export function successorSuggestion(resource: Resource, registry: SchemaRegistry): SuggestionSpec | undefined {
  const { apiVersion, kind } = resource.id;
  const replacement = removalOf(apiVersion, kind)?.replacement;
  if (!replacement || !API_VERSION.test(replacement)) return undefined;
  const lookup = registry.lookup(replacement, kind);
  if ('missing' in lookup || lookup.found.brokenBy !== undefined) return undefined;
  const value = pruneNulls({ ...resource.object, apiVersion: replacement });
  lookup.found.prepare?.(value);
  if (!lookup.found.validate(value)) return undefined;
  return { title: `Change apiVersion to ${replacement}`, edits: [{ pointer: '/apiVersion', at: 'value', newText: replacement }] };
}
