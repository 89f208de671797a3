/**
 * The CEL stage: one environment with the Kubernetes libraries, compiled programs cached per
 * process, and the conversion of resource data into the values rules see. Used by the schema
 * stage (CRD x-kubernetes-validations) and meant for policy (ValidatingAdmissionPolicy) alike.
 */
export { compileCel, CelEvaluationError, type CelProgram, type Compiled } from './compile.js';
export { walk as walkCel } from './ast.js';
export type { ASTNode as CelNode } from '@marcbachmann/cel-js';
export { toCelValue, type StructuralSchema } from './values.js';
export { escapeName } from './escape.js';
export { optionalNone } from './engine.js';
export { fieldPaths, singleFieldPointer } from './field-paths.js';
