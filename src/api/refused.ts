/**
 * What the API server would refuse to create: the inputs with an error from the schema stage
 * (types, formats, names, sizes: what `kubeproof validate` checks) or from a rule marked
 * `rejectedByApiServer` (an unparsable or negative quantity, requests above limits, a selector
 * that misses its template), or that the PodSecurity admission controller's enforce level
 * refuses (a Pod, or a workload whose pods it refuses when they are created), or that a
 * ValidatingAdmissionPolicy's Deny binding refuses. A dry run leaves
 * them out: they would never exist in the cluster.
 */
import type { Diagnostic, Resource, ResourceId } from '../core/index.js';
import { ADMISSION_POLICY, POD_SECURITY_RULE_ID } from '../policy/index.js';
import { rules } from '../rules/index.js';
import { schemaProblemMetas } from '../schema/index.js';

const API_SERVER_CHECKS = new Set([...schemaProblemMetas.map((m) => m.id), ...rules.filter((r) => r.meta.rejectedByApiServer).map((r) => r.meta.id), POD_SECURITY_RULE_ID, ADMISSION_POLICY]);

/** Each refused resource with the message of its first such error (diagnostics sorted first). */
export function refusedByApiServer(resources: readonly Resource[], diagnostics: readonly Diagnostic[]): Map<Resource, string> {
  // Findings about a resource carry its own id object (core/locate.ts diagnosticFor): an exact
  // match, even when two overlays render objects of the same name.
  const byId = new Map<ResourceId, Resource>(resources.map((r) => [r.id, r]));
  const refused = new Map<Resource, string>();
  for (const d of diagnostics) {
    if (d.severity !== 'error' || !d.resource || !API_SERVER_CHECKS.has(d.ruleId)) continue;
    const r = byId.get(d.resource);
    if (r && !refused.has(r)) refused.set(r, d.message);
  }
  return refused;
}
