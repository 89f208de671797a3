/** The HTML report as text: self-contained, escaped, deterministic; written by schedule and check. */
import * as fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatReport, type Diagnostic } from '../../src/index.js';
import type { ReportInput } from '../../src/report/index.js';
import { barHtml, usage } from '../../src/report/html/bars.js';
import { escapeHtml } from '../../src/report/html/escape.js';
import { BATCH_FIT_ERROR, HOSTILE_LABEL, HOSTILE_NODE, scenario } from './html/scenario.js';

const EVIL = `"><script>alert(1)</script><img src=x onerror=alert(2)>'&amp;`;

/** A report with markup in every string a user can write: names, amounts' resource names, messages, files, zones, pools. */
function hostileReport(): ReportInput {
  const d: Diagnostic = { ruleId: 'invalid-label', severity: 'error', message: `bad ${EVIL}`, file: `dir/${EVIL}.yaml`, line: 3, column: 7, endLine: 3, endColumn: 9, path: `/metadata/labels/${EVIL}` };
  const pod = { namespace: `ns${EVIL}`, name: `p${EVIL}`, owner: { kind: 'Deployment', name: `d${EVIL}` } };
  return {
    diagnostics: [d],
    files: [{ file: d.file, resources: [] }],
    schedule: {
      nodes: [{ name: `n${EVIL}`, zone: `z${EVIL}`, pool: `pool${EVIL}`, allocatable: { cpu: '4', [`example.com/${EVIL}`]: '2', pods: '10' }, requested: { cpu: '1' }, pods: [`ns/${EVIL}`] }],
      pods: [{ ...pod, node: null, message: `0/1 nodes are available: ${EVIL}`, messageWithPreemption: `0/1 nodes are available: ${EVIL} preemption: ${EVIL}`, fix: { file: `f${EVIL}`, line: 1, column: 2, path: '/spec', detail: `detail ${EVIL}` } }],
      preemptions: [{ pod: `a${EVIL}`, priority: 5, node: `n${EVIL}`, victims: [{ pod: `v${EVIL}`, owner: { kind: 'Pod', name: EVIL }, priority: 0 }], pdbViolations: 0, message: EVIL }],
      notCreated: [{ ...pod }],
      refused: [{ namespace: 'ns', name: `w${EVIL}`, kind: 'Deployment', message: EVIL }],
      summary: { pods: 1, scheduled: 0, pending: 1, notCreated: 1, refused: 1 },
      nodeLoss: { lost: [`n${EVIL}`], pending: 1, example: { pod: EVIL, message: EVIL } },
      zoneLoss: null,
      headroom: [{ kind: 'Deployment', namespace: 'ns', name: `h${EVIL}`, replicas: 1, more: 0, limitedBy: EVIL }],
      nodesToAdd: [{ pool: `pool${EVIL}`, count: 1, pods: [EVIL] }],
      noPool: [{ pod: EVIL, reason: EVIL }],
    },
  };
}

describe('html report', () => {
  it('escapes every string from the inputs: no markup of theirs survives', () => {
    const out = formatReport('html', hostileReport());
    expect(out).not.toContain('<script');
    expect(out).not.toContain('<img');
    expect(out).not.toContain('alert(2)>');
    expect(out).not.toContain(`'&amp;`); // the ampersand of the input is escaped too, not taken for a reference
    // Each occurrence of the hostile text is there, inert.
    const inert = escapeHtml(EVIL);
    expect(inert).toBe('&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=alert(2)&gt;&#39;&amp;amp;');
    expect(out.split(inert).length - 1).toBeGreaterThanOrEqual(25);
  });

  it('escapes control characters, which HTML forbids, to U+FFFD', () => {
    expect(escapeHtml('a\u0000b\u001bc\td\ne')).toBe('a\ufffdb\ufffdc\td\ne');
  });

  it('loads nothing: inline style only, no script, no link, and a policy that forbids loading', () => {
    const out = formatReport('html', hostileReport());
    expect(out).toMatch(/^<!DOCTYPE html>\n<html lang="en">/);
    expect(out).toContain(`<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'">`);
    for (const remote of ['<script', '<link', '<iframe', 'src=', 'href=', 'url(', '@import', 'http:', 'https:']) expect(out.replaceAll(escapeHtml(EVIL), '')).not.toContain(remote);
  });

  it('is the same bytes for the same input', () => {
    const input = hostileReport();
    expect(formatReport('html', structuredClone(input))).toBe(formatReport('html', input));
  });

  it('measures bars exactly, in milli-units: truncated to two decimals, over-commitment above 100, nothing allocatable', () => {
    expect(usage('cpu', '3500m', '4').percent).toBe(87.5);
    expect(usage('memory', '3Gi', '32Gi').percent).toBe(9.37);
    expect(usage('cpu', '1', '750m').percent).toBe(133.33);
    expect(usage('example.com/gpu', '1', undefined).percent).toBe(Infinity);
    expect(usage('example.com/gpu', undefined, '2').percent).toBe(0);
  });

  it('draws an over-committed bar full and red, and says the real share', () => {
    const bar = barHtml(usage('cpu', '1', '750m'), 'n');
    expect(bar).toContain('class="bar over"');
    expect(bar).toContain('data-percent="133.33"');
    expect(bar).toContain('<span class="used" style="width:100%"></span><span class="free" style="width:0%"></span>');
    expect(barHtml(usage('example.com/gpu', '1', undefined), 'n')).toContain('(none allocatable)');
  });
});

describe('--format html in the CLI', () => {
  it('schedule writes one page to --output: the placement, its pending pod with the FitError, with the exit code of the text report', async () => {
    const s = scenario();
    const text = await s.run('schedule', 'text');
    const r = await s.run('schedule', 'html', ['--output', 'report.html']);
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe('');
    expect(r.code).toBe(text.code);
    const page = fs.readFileSync(s.file('report.html'), 'utf8');
    await s.run('schedule', 'html', ['--output', 'again.html']);
    expect(fs.readFileSync(s.file('again.html'), 'utf8')).toBe(page);
    expect(page).toContain('<section id="schedule"');
    expect(page).toContain(`<div class="message">${BATCH_FIT_ERROR}</div>`);
    expect(page).toContain(escapeHtml(HOSTILE_NODE));
    expect(page).not.toContain(HOSTILE_NODE);
    // The placement findings are drawn, not listed; the others are listed.
    expect(page).not.toContain('data-rule="unschedulable"');
    expect(page).toContain('data-rule="invalid-label"');
    expect(page).toContain(escapeHtml(HOSTILE_LABEL));
  });

  it('check prints the findings and, with --nodes, the placement', async () => {
    const s = scenario();
    const r = await s.run('check', 'html');
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('data-rule="unschedulable"');
    expect(r.stdout).toContain('<section id="schedule"');
    const plain = await runWithoutNodes(s.dir);
    expect(plain).toContain('<section id="findings"');
    expect(plain).not.toContain('<section id="schedule"');
  });
});

async function runWithoutNodes(cwd: string): Promise<string> {
  const { runCli } = await import('../helpers.js');
  return (await runCli(['check', 'app.yaml', '--no-config', '--format', 'html'], { cwd })).stdout;
}
