/** The policy stage: what admission would refuse. Each engine lives in its own folder. */
export { runAdmissionPolicies, admissionPolicyMetas, type AdmissionOptions } from './vap/index.js';
export { runCustomRules, customRuleMetas, type CustomRule } from './custom/index.js';
