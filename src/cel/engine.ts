/**
 * The CEL engine (cel-js) and RE2 (re2js), loaded on first use: most runs have no CEL rule at
 * all, and loading both cost about 30 ms of CPU on every cold start (ConfigMap-only validate:
 * 102 -> 134 ms) when they were imported up front. Types are imported statically; values come
 * through here. Node >= 20.19 requires the ES module cel-js synchronously.
 */
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

export const celJs = () => require('@marcbachmann/cel-js') as typeof import('@marcbachmann/cel-js');

export const re2js = () => require('re2js') as typeof import('re2js');

/** optional.none(), the value `oldSelf` has in an optionalOldSelf rule when there is no stored object. */
export const optionalNone = () => celJs().Optional.none();

export const optionalOf = <T>(v: T) => celJs().Optional.of(v);
