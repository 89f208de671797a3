/**
 * The one CEL environment: cel-js with the libraries the API server's base environment loads
 * (k8s.io/apiserver/pkg/cel/environment/base.go): ext.Strings v2, ext.Sets, optional types,
 * two-variable comprehensions, and
 * the Kubernetes lists, regex, URL, IP, CIDR, quantity, format and semver libraries (and, with an
 * `authorizer` variable, the authz library). Cost limits are
 * off: an offline check has no request to protect. Built once per set of variable names.
 */
import type { Environment } from '@marcbachmann/cel-js';
import { celJs } from './engine.js';
import { registerAuthz } from './libraries/authz.js';
import { registerCIDR } from './libraries/cidr.js';
import { registerComprehensions } from './libraries/comprehensions.js';
import { registerFormat } from './libraries/format.js';
import { registerIP } from './libraries/ip.js';
import { registerLists } from './libraries/lists.js';
import { registerOptionalExtras, registerOptionalNull } from './libraries/optional.js';
import { registerQuantity } from './libraries/quantity.js';
import { registerRegex } from './libraries/regex.js';
import { registerSemver } from './libraries/semver.js';
import { registerSets } from './libraries/sets.js';
import { registerStrings } from './libraries/strings.js';
import { registerURL } from './libraries/url.js';

const NO_LIMIT = Number.MAX_SAFE_INTEGER;

const environments = new Map<string, Environment>();

/** The environment whose variables (all dynamically typed) are `variables`. */
export function celEnvironment(variables: readonly string[]): Environment {
  const key = variables.join(',');
  let env = environments.get(key);
  if (!env) {
    env = new (celJs().Environment)({
      enableOptionalTypes: true,
      // cel.HomogeneousAggregateLiterals is on in the API server, but with `self` typed as dyn
      // here a literal such as [self.a, 'x'] cannot be judged before it runs.
      homogeneousAggregateLiterals: false,
      limits: { maxAstNodes: NO_LIMIT, maxDepth: 250, maxListElements: NO_LIMIT, maxMapEntries: NO_LIMIT, maxCallArguments: NO_LIMIT },
    });
    for (const register of [registerStrings, registerLists, registerSets, registerRegex, registerURL, registerIP, registerCIDR, registerQuantity, registerFormat, registerOptionalNull, registerOptionalExtras, registerComprehensions, registerSemver]) register(env);
    // Admission expressions (ValidatingAdmissionPolicy) have the authorizer library too; CRD rules do not.
    if (variables.includes('authorizer')) registerAuthz(env);
    for (const v of variables) env.registerVariable(v, 'dyn');
    environments.set(key, env);
  }
  return env;
}
