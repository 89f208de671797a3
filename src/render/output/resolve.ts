/**
 * Would go-yaml v3 read this string back as something other than a string? Then it must be
 * quoted. Also YAML 1.1 booleans (yes, on, y...) and base-60 numbers, which v3 reads as
 * strings but quotes anyway for older readers — kubectl among them.
 */
const NULLS = new Set(['', '~', 'null', 'Null', 'NULL']);
const BOOLS = new Set(['true', 'True', 'TRUE', 'false', 'False', 'FALSE']);
const SPECIAL_FLOATS = new Set(['.nan', '.NaN', '.NAN', '.inf', '.Inf', '.INF', '+.inf', '+.Inf', '+.INF', '-.inf', '-.Inf', '-.INF']);
const OLD_BOOLS = new Set(['y', 'Y', 'yes', 'Yes', 'YES', 'on', 'On', 'ON', 'n', 'N', 'no', 'No', 'NO', 'off', 'Off', 'OFF']);
const BASE60_FLOAT = /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?$/;
const YAML_STYLE_FLOAT = /^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$/;
const DATE = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:([Tt])(\d{1,2}):(\d{1,2}):(\d{1,2})(?:\.\d+)?(?:Z|[-+]\d{2}:\d{2})|( )(\d{1,2}):(\d{1,2}):(\d{1,2})(?:\.\d+)?)?$/;

export function needsQuotes(s: string): boolean {
  return resolvesToNonString(s) || OLD_BOOLS.has(s) || BASE60_FLOAT.test(s);
}

function resolvesToNonString(s: string): boolean {
  if (NULLS.has(s) || BOOLS.has(s) || SPECIAL_FLOATS.has(s)) return true;
  const c = s[0]!;
  if (c === '.') return isGoFloat(s);
  if (!/[-+0-9]/.test(c)) return false;
  if (looksLikeTimestamp(s)) return true;
  const plain = s.replace(/_/g, '');
  if (isGoInt(plain)) return true;
  if (YAML_STYLE_FLOAT.test(plain)) return true;
  if (/^-?0b[01]+$/.test(plain) || /^-?0o[0-7]+$/.test(plain)) return true;
  return false;
}

/** strconv.ParseInt(s, 0, 64) or ParseUint succeeding (range aside, any digits do). */
function isGoInt(s: string): boolean {
  return /^[-+]?(?:0[xX][0-9a-fA-F]+|0[bB][01]+|0[oO]?[0-7]*|[1-9][0-9]*)$/.test(s);
}

/** strconv.ParseFloat for strings that start with '.': ".5", ".5e3". */
function isGoFloat(s: string): boolean {
  return /^\.[0-9]+(?:[eE][-+]?[0-9]+)?$/.test(s);
}

/**
 * go-yaml's timestamp layouts: "2006-1-2", "2006-1-2T15:4:5.999999999Z07:00" (t or T) and
 * "2006-1-2 15:4:5.999999999", with Go's range checks on each field.
 */
function looksLikeTimestamp(s: string): boolean {
  const m = DATE.exec(s);
  if (!m) return false;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (month < 1 || month > 12 || day < 1 || day > new Date(Date.UTC(year, month, 0)).getUTCDate()) return false;
  const time = m[4] ? [m[5], m[6], m[7]] : m[8] ? [m[9], m[10], m[11]] : undefined;
  if (!time) return true;
  const [h, min, sec] = time.map(Number) as [number, number, number];
  return h < 24 && min < 60 && sec < 60;
}
