/**
 * The variables of `--envsubst FILE`: a dotenv file. `KEY=VALUE` lines, `export ` allowed before
 * a key, `#` comment lines and blank lines, values unquoted (trimmed; ` #` starts a comment),
 * 'single-quoted' (as written) or "double-quoted" (\n \t \r \" \\ \$ escapes); quoted values may
 * span lines. Values are taken as written: no `${...}` in them is expanded.
 *
 * Names must match kustomize-controller's rule, and values lose their line breaks, as Flux
 * does to every variable it substitutes (fluxcd/pkg kustomize/kustomize_varsub.go).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { KubeproofError } from '../../core/index.js';
import { displayPath } from '../discover.js';

/** fluxcd/pkg kustomize/kustomize_varsub.go varsubRegex, as it is written there. */
export const VARSUB_REGEX = '^[_[:alpha:]][_[:alpha:][:digit:]]*$';
const VAR_NAME = /^[_A-Za-z][_A-Za-z0-9]*$/;

/** Parses a dotenv text; a line it cannot read is an input error naming file and line. */
export function parseDotenv(text: string, file: string): Map<string, string> {
  const vars = new Map<string, string>();
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const lineNo = i + 1;
    const line = lines[i]!.trim();
    if (line === '' || line.startsWith('#')) continue;
    const m = /^(?:export\s+)?([^=\s]+)\s*=\s*(.*)$/.exec(line);
    if (!m) throw new KubeproofError('INPUT', `${file}:${lineNo}: expected KEY=VALUE`);
    const name = m[1]!;
    // kustomize_varsub.go's own words for a name it refuses.
    if (!VAR_NAME.test(name)) throw new KubeproofError('INPUT', `${file}:${lineNo}: '${name}' var name is invalid, must match '${VARSUB_REGEX}'`);
    let rest = m[2]!;
    let value: string;
    const quote = rest[0];
    if (quote === '"' || quote === "'") {
      // A quoted value ends at its closing quote, on this line or a later one.
      let body = rest.slice(1);
      let end = closingQuote(body, quote);
      while (end < 0 && i + 1 < lines.length) {
        body += '\n' + lines[++i]!;
        end = closingQuote(body, quote);
      }
      if (end < 0) throw new KubeproofError('INPUT', `${file}:${lineNo}: the value of ${name} has no closing ${quote}`);
      const after = body.slice(end + 1).trim();
      if (after !== '' && !after.startsWith('#')) throw new KubeproofError('INPUT', `${file}:${lineNo}: unexpected text after the quoted value of ${name}`);
      value = quote === "'" ? body.slice(0, end) : unescape(body.slice(0, end));
    } else {
      const comment = rest.search(/\s#/);
      if (comment >= 0) rest = rest.slice(0, comment);
      value = rest.trim();
    }
    vars.set(name, value.replace(/\n/g, ''));
  }
  return vars;
}

function closingQuote(body: string, quote: string): number {
  for (let i = 0; i < body.length; i++) {
    if (quote === '"' && body[i] === '\\') i++;
    else if (body[i] === quote) return i;
  }
  return -1;
}

function unescape(s: string): string {
  return s.replace(/\\(.)/gs, (_, c: string) => ({ n: '\n', t: '\t', r: '\r' })[c as 'n'] ?? c);
}

/** The variables of the files in order, later files winning; a missing or unreadable file is an input error. */
export function readDotenvFiles(files: readonly string[], cwd: string): Map<string, string> {
  const vars = new Map<string, string>();
  for (const f of files) {
    const absolute = path.resolve(cwd, f);
    const shown = displayPath(absolute, cwd);
    let text: string;
    try {
      text = fs.readFileSync(absolute, 'utf8');
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      throw new KubeproofError('INPUT', code === 'ENOENT' ? `--envsubst file ${shown} does not exist` : `cannot read --envsubst file ${shown}: ${(err as Error).message}`);
    }
    for (const [k, v] of parseDotenv(text, shown)) vars.set(k, v);
  }
  return vars;
}
