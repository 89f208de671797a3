/**
 * The edit that suppresses one finding: a `# kubeproof-ignore-next-line <rule>` comment above its
 * line, indented as that line; or the rule added to such a comment already there.
 */
import type { TextEdit } from '../core/index.js';
import { NEXT_LINE } from './comments.js';

export function suppressionEdit(text: string, file: string, line: number, ruleId: string): TextEdit {
  const lines = text.split('\n');
  const target = lines[line - 1] ?? '';
  const above = line >= 2 ? lines[line - 2]! : undefined;
  const existing = above === undefined ? null : new RegExp(`^(\\s*#\\s*${NEXT_LINE}\\s+)([^#]*?)(\\s*(--.*)?)\\r?$`).exec(above);
  if (existing && existing[2]!.trim() !== '') {
    // `# kubeproof-ignore-next-line a -- why` becomes `... a, <rule> -- why`.
    const end = existing[1]!.length + existing[2]!.length;
    return { file, line: line - 1, column: end + 1, endLine: line - 1, endColumn: end + 1, newText: `, ${ruleId}` };
  }
  const indent = /^[ \t]*/.exec(target)![0];
  return { file, line, column: 1, endLine: line, endColumn: 1, newText: `${indent}# ${NEXT_LINE} ${ruleId}\n` };
}
