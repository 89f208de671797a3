/**
 * JUnit XML for GitLab, Jenkins and friends: a testsuite per file, a testcase per resource
 * (plus one for problems of the file itself), a failure for each testcase with errors.
 * Warnings and notes go to the testcase's system-out, since JUnit has no such levels.
 */
import { formatResourceId, type Diagnostic } from '../../core/index.js';
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
  for (const f of report.files) {
    const cases = casesOf(f.file);
    for (const r of f.resources) {
      const name = formatResourceId(r);
      if (!cases.has(name)) cases.set(name, { name, diagnostics: [] });
    }
  }
  for (const d of report.diagnostics) {
    const cases = casesOf(d.file);
    const name = d.resource ? formatResourceId(d.resource) : FILE_CASE;
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

function testcase(file: string, c: Case): string {
  const open = `    <testcase name="${attr(c.name)}" classname="${attr(file)}"`;
  if (c.diagnostics.length === 0) return `${open}/>\n`;
  const errors = c.diagnostics.filter((d) => d.severity === 'error');
  const others = c.diagnostics.filter((d) => d.severity !== 'error');
  let inner = '';
  if (errors.length > 0) {
    const first = errors[0]!;
    const message = errors.length === 1 ? first.message : `${first.message} (and ${errors.length - 1} more)`;
    inner += `      <failure message="${attr(message)}" type="${attr(first.ruleId)}">${text(errors.map(line).join('\n'))}</failure>\n`;
  }
  if (others.length > 0) inner += `      <system-out>${text(others.map(line).join('\n'))}</system-out>\n`;
  return `${open}>\n${inner}    </testcase>\n`;
}

function line(d: Diagnostic): string {
  return `${d.file}:${d.line}:${d.column}: ${d.severity}: ${d.message} [${d.ruleId}]${d.path ? ` at ${d.path}` : ''}`;
}

// XML 1.0 forbids most control characters even when escaped.
const INVALID_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g;

function text(s: string): string {
  return s.replace(INVALID_XML, '\ufffd').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function attr(s: string): string {
  return text(s).replace(/"/g, '&quot;').replace(/\n/g, '&#10;').replace(/\r/g, '&#13;').replace(/\t/g, '&#9;');
}
