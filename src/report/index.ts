/** The report stage: pure functions from a run's diagnostics to text. */
import type { Formatter } from './context.js';
import { github } from './formatters/github.js';
import { html } from './formatters/html.js';
import { json } from './formatters/json.js';
import { junit } from './formatters/junit.js';
import { sarif } from './formatters/sarif.js';
import { text } from './formatters/text.js';

export type { Formatter, ReportContext, ReportInput } from './context.js';
export { JSON_FORMAT_VERSION } from './formatters/json.js';

/** The one list of formats: `--format` choices and docs derive from it. */
export const formatters = { text, json, sarif, junit, github, html } satisfies Record<string, Formatter>;

export type FormatName = keyof typeof formatters;

export const FORMAT_NAMES = Object.keys(formatters) as FormatName[];

export function isFormatName(name: string): name is FormatName {
  return Object.hasOwn(formatters, name);
}
export { scheduleText, scheduleJson } from './schedule/text.js';
