/**
 * One self-contained HTML page: the findings by file, and, when the run scheduled its pods, the
 * placement drawn (html/schedule.ts). No script, no request: the stylesheet is inline and the
 * Content-Security-Policy forbids loading anything, so the file works offline and as a CI
 * artifact, and markup slipped into a manifest could do nothing even if it were not escaped.
 */
import type { Formatter } from '../context.js';
import { escapeHtml as h } from '../html/escape.js';
import { findingsSection, totalsSection } from '../html/findings.js';
import { scheduleSection } from '../html/schedule.js';
import { STYLE } from '../html/style.js';

const CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'";

export const html: Formatter = (report, ctx) => {
  const checked = { files: report.files.length, resources: report.files.reduce((n, f) => n + f.resources.length, 0) };
  const title = report.schedule ? 'kubeproof: findings and placement' : 'kubeproof: findings';
  return [
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${CSP}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${h(title)}</title>`,
    `<style>${STYLE}</style>`,
    '</head>',
    '<body>',
    `<h1>${h(title)}</h1>`,
    findingsSection(report.diagnostics, checked),
    report.totals ? totalsSection(report.totals) : '',
    report.schedule ? scheduleSection(report.schedule) : '',
    `<footer>${h(`${ctx.tool.name} ${ctx.tool.version}`)}</footer>`,
    '</body>',
    '</html>',
    '',
  ].filter((s, i, all) => s !== '' || i === all.length - 1).join('\n');
};
