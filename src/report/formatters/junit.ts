/**
 * JUnit XML for GitLab, Jenkins, xunit-viewer and friends: a testsuite per input (a file, or a
 * kustomization whose build was checked), a testcase per resource it holds, plus one for problems
 * of the file itself; a failure for each testcase with errors. A rendered resource is one
 * testcase under its kustomization, wherever in the bases its findings sit: the failure names
 * each finding's own file:line:col. Warnings and notes go to the testcase's system-out, since
 * JUnit has no such levels.
 */
import * as path from 'node:path';
import { escapeTerminal, formatResourceId, type Diagnostic } from '../../core/index.js';
import type { Formatter } from '../context.js';

interface Case {
  name: string;
  diagnostics: Diagnostic[];
}

const FILE_CASE = '(file)';

export const junit: Formatter = (report, ctx) => {
  const byFile = new Map<string, Map<string, Case>>();
  const casesOf = (file: string) => {
    let cases = byFile.get(file);
    if (!cases) byFile.set(file, (cases = new Map()));
    return cases;
  };
  /** Which inputs hold a resource: usually one; two overlays of one base may render the same object. */
  const inputsOf = new Map<string, string[]>();
  for (const f of report.files) {
    const cases = casesOf(f.file);
    for (const r of f.resources) {
      const name = formatResourceId(r);
      if (!cases.has(name)) cases.set(name, { name, diagnostics: [] });
      const inputs = inputsOf.get(name) ?? [];
      if (!inputs.includes(f.file)) inputsOf.set(name, [...inputs, f.file]);
    }
  }
  for (const d of report.diagnostics) {
    const name = d.resource ? formatResourceId(d.resource) : FILE_CASE;
    const file = d.resource ? inputFor(d, inputsOf.get(name)) : d.file;
    const cases = casesOf(file);
    let c = cases.get(name);
    if (!c) cases.set(name, (c = { name, diagnostics: [] }));
    c.diagnostics.push(d);
  }

  const files = [...byFile.keys()].sort();
  let totalTests = 0;
  let totalFailures = 0;
  const suites: string[] = [];
  for (const file of files) {
    const cases = [...byFile.get(file)!.values()];
    const failures = cases.filter((c) => c.diagnostics.some((d) => d.severity === 'error')).length;
    totalTests += cases.length;
    totalFailures += failures;
    const body = cases.map((c) => testcase(file, c)).join('');
    suites.push(`  <testsuite name="${attr(file)}" tests="${cases.length}" failures="${failures}" errors="0" skipped="0">\n${body}  </testsuite>\n`);
  }
  return (
    '<?xml version="1.0" encoding="UTF-8"?>\n' +
    `<testsuites name="${attr(ctx.tool.name)}" tests="${totalTests}" failures="${totalFailures}" errors="0">\n` +
    suites.join('') +
    '</testsuites>\n'
  );
};

/**
 * The input a finding about a resource belongs to: the one input holding the resource; among
 * several, the one whose directory holds the finding's file (an overlay's own patch), else the
 * first by name; the finding's own file when no input lists the resource.
 */
function inputFor(d: Diagnostic, inputs: readonly string[] | undefined): string {
  if (!inputs?.length) return d.file;
  if (inputs.includes(d.file)) return d.file;
  if (inputs.length === 1) return inputs[0]!;
  const holding = inputs.filter((input) => isWithin(d.file, path.posix.dirname(input)));
  const best = holding.sort((a, b) => b.length - a.length || (a < b ? -1 : 1))[0];
  return best ?? [...inputs].sort()[0]!;
}

function isWithin(file: string, dir: string): boolean {
  return dir === '.' ? !file.startsWith('../') && !file.startsWith('/') : file.startsWith(dir + '/');
}

function testcase(file: string, c: Case): string {
  const open = `    <testcase name="${attr(c.name)}" classname="${attr(file)}"`;
  if (c.diagnostics.length === 0) return `${open}/>\n`;
  const errors = c.diagnostics.filter((d) => d.severity === 'error');
  const others = c.diagnostics.filter((d) => d.severity !== 'error');
  let inner = '';
  if (errors.length > 0) {
    const first = errors[0]!;
    const message = `${first.file}:${first.line}:${first.column}: ${first.message}${errors.length === 1 ? '' : ` (and ${errors.length - 1} more)`}`;
    inner += `      <failure message="${attr(message)}" type="${attr(first.ruleId)}">${text(errors.map(line).join('\n'))}</failure>\n`;
  }
  if (others.length > 0) inner += `      <system-out>${text(others.map(line).join('\n'))}</system-out>\n`;
  return `${open}>\n${inner}    </testcase>\n`;
}

function line(d: Diagnostic): string {
  return `${d.file}:${d.line}:${d.column}: ${d.severity}: ${d.message} [${d.ruleId}]${d.path ? ` at ${d.path}` : ''}`;
}

// XML 1.0 forbids most control characters even when escaped: they are made visible
// (core/terminal.ts; CI tools show these reports in terminals and pages alike), and the two
// non-characters XML also forbids replaced.
const INVALID_XML = /[\ufffe\uffff]/g;

function text(s: string): string {
  return escapeTerminal(s, { keepNewlines: true }).replace(INVALID_XML, '\ufffd').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function attr(s: string): string {
  return text(s).replace(/"/g, '&quot;').replace(/\n/g, '&#10;').replace(/\r/g, '&#13;').replace(/\t/g, '&#9;');
}
