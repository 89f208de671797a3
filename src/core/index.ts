export * from './diagnostic.js';
export * from './errors.js';
export * from './pointer.js';
export * from './resource.js';
export * from './rule-meta.js';
export * from './span.js';
export * from './run.js';
export * from './locate.js';
