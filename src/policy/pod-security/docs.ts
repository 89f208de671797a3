/** The Pod Security Standards part of docs/rules.md, generated from the checks' meta. */
import { checksFor, MAX_VERSION } from './evaluate.js';
import { versionString } from './policy.js';
import type { PssCheck } from './types.js';

/** Markdown: the checks in the order the controller evaluates them, with their levels and versions. */
export function podSecurityChecksMarkdown(): string {
  // Every check applies at the newest version: baseline's in their order, then restricted's own.
  const ordered: PssCheck[] = [...checksFor('baseline', MAX_VERSION), ...checksFor('restricted', MAX_VERSION).filter((c) => c.meta.level === 'restricted')];
  const lines = [
    `The checks of \`pod-security\`, one module each in \`src/policy/pod-security/\`, in the order the controller evaluates them; \`latest\` is ${versionString(MAX_VERSION)}.`,
    '',
    '| check | level | from | revised at | replaces (restricted) | what it forbids | follows |',
    '| --- | --- | --- | --- | --- | --- | --- |',
  ];
  for (const c of ordered) {
    const [first, ...later] = c.meta.versions;
    const replaces = (c.meta.overrides ?? []).map((o) => `\`${o.id}\` from ${versionString(o.from)}`).join(', ');
    lines.push(`| \`${c.meta.id}\` | ${c.meta.level} | ${versionString(first ?? 0)} | ${later.map(versionString).join(', ')} | ${replaces} | ${c.meta.description} | \`${c.meta.upstream}\` |`);
  }
  lines.push('');
  return lines.join('\n');
}
