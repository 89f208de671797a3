/**
 * The OpenAPI-derived schema bundles (schemas/), shared by the stages that need them: the
 * renderer for strategic-merge metadata, the schema stage for validation. Depends on core only.
 */
export * from './bundle.js';
export * from './schema-walk.js';
export * from './descriptions.js';
