/**
 * The Kubernetes authorizer library (k8s.io/apiserver/pkg/cel/library/authz.go), declared so
 * that admission expressions using `authorizer` compile and type-check. There is no authorizer
 * offline: the policy stage never evaluates them, and a call that does run says why.
 */
import type { Environment } from '@marcbachmann/cel-js';
import { celError } from '../errors.js';

class Authorizer {}
class PathCheck {}
class GroupCheck {}
class ResourceCheck {}
class Decision {}

const offline = (): never => {
  throw celError('no authorizer offline');
};

export function registerAuthz(env: Environment): void {
  const A = 'kubernetes.authorization.Authorizer';
  const P = 'kubernetes.authorization.PathCheck';
  const G = 'kubernetes.authorization.GroupCheck';
  const R = 'kubernetes.authorization.ResourceCheck';
  const D = 'kubernetes.authorization.Decision';
  env.registerType(A, Authorizer).registerType(P, PathCheck).registerType(G, GroupCheck).registerType(R, ResourceCheck).registerType(D, Decision);
  for (const signature of [
    `${A}.path(string): ${P}`,
    `${A}.group(string): ${G}`,
    `${A}.serviceAccount(string, string): ${A}`,
    `${G}.resource(string): ${R}`,
    `${R}.subresource(string): ${R}`,
    `${R}.namespace(string): ${R}`,
    `${R}.name(string): ${R}`,
    `${R}.fieldSelector(string): ${R}`,
    `${R}.labelSelector(string): ${R}`,
    `${P}.check(string): ${D}`,
    `${R}.check(string): ${D}`,
    `${D}.allowed(): bool`,
    `${D}.errored(): bool`,
    `${D}.reason(): string`,
    `${D}.error(): string`,
  ]) env.registerFunction(signature, offline);
}
