/** `kubeproof rules`: every rule, its severity (the config's where it sets one) and where its docs are. */
import { Option, type Command } from 'commander';
import { ruleCatalog } from '../../api/catalog.js';
import { loadConfig } from '../../api/config.js';
import { EXIT_ERROR, ruleDocsUrl } from '../../core/index.js';
import { rules } from '../../rules/index.js';
import type { CliIo } from '../io.js';
import { displayPath } from '../../load/index.js';

export function registerRules(program: Command, io: CliIo, setExitCode: (code: number) => void): void {
  program
    .command('rules')
    .description('list every rule with its severity (as kubeproof.yaml sets it) and a link to its docs')
    .addOption(new Option('-f, --format <format>', 'output format').choices(['text', 'json']).default('text'))
    .option('-c, --config <path>', 'configuration file (default: the nearest kubeproof.yaml up from the working directory)')
    .option('--no-config', 'use no configuration file')
    .action((opts: { format: string; config?: string | boolean }) => {
      const loaded = loadConfig(io.cwd, { file: typeof opts.config === 'string' ? opts.config : undefined, none: opts.config === false });
      const problems = loaded.diagnostics.filter((d) => d.severity === 'error');
      if (problems.length > 0) {
        for (const d of problems) io.stderr(`${d.file}:${d.line}:${d.column}: ${d.message}\n`);
        setExitCode(EXIT_ERROR);
        return;
      }
      const lint = new Set(rules.map((r) => r.meta.id));
      const list = ruleCatalog(loaded.config).map((m) => ({
        id: m.id,
        // An opt-in rule is off until the config gives it a severity; when on, it reports at its default severity.
        severity: loaded.config?.rules[m.id]?.severity ?? (m.defaultOff ? 'off' : m.severity),
        defaultSeverity: m.severity,
        ...(m.defaultOff && { defaultOff: true }),
        kind: m.custom ? 'custom' : lint.has(m.id) ? 'rule' : 'check',
        description: m.description,
        ...(m.securitySeverity !== undefined && { securitySeverity: m.securitySeverity }),
        // A custom rule is documented where it is defined.
        docs: m.custom && loaded.config?.file ? `custom rule in ${displayPath(loaded.config.file, io.cwd)}` : ruleDocsUrl(m.id),
      }));
      if (opts.format === 'json') {
        io.stdout(JSON.stringify(list, null, 2) + '\n');
        return;
      }
      const width = Math.max(...list.map((r) => r.id.length));
      for (const r of list) {
        const security = r.securitySeverity !== undefined ? ` (security severity ${r.securitySeverity.toFixed(1)})` : '';
        io.stdout(`${r.id.padEnd(width)}  ${r.severity.padEnd(7)}  ${r.description}${security}\n${' '.repeat(width + 11)}${r.docs}\n`);
      }
    });
}
