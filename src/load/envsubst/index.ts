/** Flux post-build (and clusterctl) `${VAR}` substitution, applied by the api layer after load and render. */
export { substituteResources, SUBSTITUTE_KEY, type SubstituteOptions, type Substituted } from './resources.js';
export { parseDotenv, readDotenvFiles } from './dotenv.js';
export { isPlaceholder } from './template.js';
