/**
 * The Kubernetes format library (k8s.io/apiserver/pkg/cel/library/format.go): format.named(name)
 * and format.<name>() give a Format whose validate(s) is optional.none() for a valid string and
 * optional.of(errors) otherwise, with apimachinery's validation messages.
 */
import type { Environment } from '@marcbachmann/cel-js';
import { optionalNone, optionalOf } from '../engine.js';
import { isDNS1035Label, isDNS1123Label, isDNS1123Subdomain, isLabelKey, isLabelValue } from '../../core/index.js';
import { parseRequestURI } from './url-parse.js';

export class Format {
  constructor(
    readonly name: string,
    readonly check: (s: string) => string[],
  ) {}
}

/** A prefix (generateName) may end in "-": the rest must be valid (NameIsDNSLabel etc. with prefix=true). */
const prefix = (check: (s: string) => string[]) => (s: string) => check(s.endsWith('-') ? s.slice(0, -1) : s);

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const FORMATS: Record<string, (s: string) => string[]> = {
  dns1123Label: isDNS1123Label,
  dns1123Subdomain: isDNS1123Subdomain,
  dns1035Label: isDNS1035Label,
  qualifiedName: isLabelKey,
  dns1123LabelPrefix: prefix(isDNS1123Label),
  dns1123SubdomainPrefix: prefix(isDNS1123Subdomain),
  dns1035LabelPrefix: prefix(isDNS1035Label),
  labelValue: isLabelValue,
  uri: (s) => {
    const u = parseRequestURI(s);
    return typeof u === 'string' ? ['invalid URI: ' + u] : [];
  },
  uuid: (s) => (UUID.test(s) ? [] : ['does not match the UUID format']),
  byte: (s) => (/^[A-Za-z0-9+/]*={0,2}$/.test(s) && s.length % 4 === 0 ? [] : ['invalid base64']),
  date: (s) => (/^\d{4}-\d{2}-\d{2}$/.test(s) && !Number.isNaN(Date.parse(s)) ? [] : ['invalid date']),
  datetime: (s) => (/^\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$/.test(s) && !Number.isNaN(Date.parse(s)) ? [] : ['invalid datetime']),
};

class FormatNamespace {}

export function registerFormat(env: Environment): void {
  env
    .registerType('kubernetes.NamedFormat', Format)
    .registerType('FormatNamespace', FormatNamespace)
    .registerConstant('format', 'FormatNamespace', new FormatNamespace())
    .registerFunction('FormatNamespace.named(string): optional<kubernetes.NamedFormat>', (_: unknown, name: string) => {
      const check = FORMATS[name];
      return check ? optionalOf(new Format(name, check)) : optionalNone();
    })
    .registerFunction('kubernetes.NamedFormat.validate(string): optional<list<string>>', (f: Format, s: string) => {
      const errors = f.check(s);
      return errors.length === 0 ? optionalNone() : optionalOf(errors);
    });
  for (const [name, check] of Object.entries(FORMATS)) {
    env.registerFunction(`FormatNamespace.${name}(): kubernetes.NamedFormat`, () => new Format(name, check));
  }
}
