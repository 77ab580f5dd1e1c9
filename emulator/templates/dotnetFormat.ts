/**
 * The .NET formatting format() and utcNow() inherit from Azure's implementation: composite format
 * strings (`{0}`, `{1,-5}`, `{0:D3}`, `{{` escapes) with the common numeric format specifiers
 * (D, N, F, X, P and zero-padding custom formats, invariant culture), and date formats
 * (standard u, s, o, d, t, T and custom yyyy/MM/dd/HH/mm/ss/fff patterns).
 */
import { toText } from './templateValues';

export class DotnetFormatError extends Error {}

function groupThousands(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

function fixed(value: number, decimals: number, grouped: boolean): string {
  const [whole, fraction] = Math.abs(value).toFixed(decimals).split('.');
  const text = (grouped ? groupThousands(whole) : whole) + (fraction ? `.${fraction}` : '');
  return value < 0 ? `-${text}` : text;
}

function formatNumber(value: number, format: string): string {
  const match = /^([DdNnFfXxPp])(\d{0,2})$/.exec(format);
  if (match) {
    const precision = match[2] === '' ? undefined : Number(match[2]);
    switch (match[1].toUpperCase()) {
      case 'D':
        if (!Number.isInteger(value)) throw new DotnetFormatError('Format specifier was invalid.');
        return (value < 0 ? '-' : '') + String(Math.abs(value)).padStart(precision ?? 0, '0');
      case 'N':
        return fixed(value, precision ?? 2, true);
      case 'F':
        return fixed(value, precision ?? 2, false);
      case 'P':
        return `${fixed(value * 100, precision ?? 2, true)} %`;
      case 'X': {
        if (!Number.isInteger(value)) throw new DotnetFormatError('Format specifier was invalid.');
        const hex = (value < 0 ? BigInt.asUintN(64, BigInt(value)) : BigInt(value)).toString(16).padStart(precision ?? 0, '0');
        return match[1] === 'X' ? hex.toUpperCase() : hex;
      }
    }
  }
  // Custom numeric formats made of zeros (and #): pad to the count of zeros.
  if (/^[0#]+$/.test(format) && Number.isInteger(value)) {
    const zeros = format.replace(/#/g, '').length;
    return (value < 0 ? '-' : '') + String(Math.abs(value)).padStart(zeros, '0');
  }
  throw new DotnetFormatError('Format specifier was invalid.');
}

function formatItem(value: unknown, format: string | undefined): string {
  if (format !== undefined && typeof value === 'number') return formatNumber(value, format);
  return toText(value);
}

/** String.Format(template, ...args) with invariant culture. Throws DotnetFormatError with .NET's message. */
export function compositeFormat(template: string, args: unknown[]): string {
  let result = '';
  let i = 0;
  while (i < template.length) {
    const c = template[i];
    if (c === '{' && template[i + 1] === '{') { result += '{'; i += 2; continue; }
    if (c === '}' && template[i + 1] === '}') { result += '}'; i += 2; continue; }
    if (c === '}') throw new DotnetFormatError('Input string was not in a correct format.');
    if (c !== '{') { result += c; i++; continue; }
    const end = template.indexOf('}', i);
    if (end < 0) throw new DotnetFormatError('Input string was not in a correct format.');
    const item = /^\s*(\d+)\s*(?:,\s*(-?\d+)\s*)?(?::(.*))?$/s.exec(template.slice(i + 1, end));
    if (!item) throw new DotnetFormatError('Input string was not in a correct format.');
    const index = Number(item[1]);
    if (index >= args.length) {
      throw new DotnetFormatError('Index (zero based) must be greater than or equal to zero and less than the size of the argument list.');
    }
    let text = formatItem(args[index], item[3]);
    const alignment = item[2] === undefined ? 0 : Number(item[2]);
    text = alignment >= 0 ? text.padStart(alignment) : text.padEnd(-alignment);
    result += text;
    i = end + 1;
  }
  return result;
}

const pad = (value: number, width: number) => String(value).padStart(width, '0');

const standardDateFormats: Record<string, string> = {
  u: "yyyy'-'MM'-'dd HH':'mm':'ss'Z'",
  s: "yyyy'-'MM'-'dd'T'HH':'mm':'ss",
  o: "yyyy'-'MM'-'dd'T'HH':'mm':'ss'.'fffffff'Z'",
  O: "yyyy'-'MM'-'dd'T'HH':'mm':'ss'.'fffffff'Z'",
  d: 'MM/dd/yyyy',
  t: 'HH:mm',
  T: 'HH:mm:ss',
};

/** DateTime.ToString(format) in UTC, invariant culture. */
export function formatDate(date: Date, format: string): string {
  const pattern = standardDateFormats[format] ?? format;
  const parts: Record<string, () => string> = {
    yyyy: () => pad(date.getUTCFullYear(), 4),
    yy: () => pad(date.getUTCFullYear() % 100, 2),
    MM: () => pad(date.getUTCMonth() + 1, 2),
    M: () => String(date.getUTCMonth() + 1),
    dd: () => pad(date.getUTCDate(), 2),
    d: () => String(date.getUTCDate()),
    HH: () => pad(date.getUTCHours(), 2),
    H: () => String(date.getUTCHours()),
    hh: () => pad(date.getUTCHours() % 12 || 12, 2),
    h: () => String(date.getUTCHours() % 12 || 12),
    mm: () => pad(date.getUTCMinutes(), 2),
    m: () => String(date.getUTCMinutes()),
    ss: () => pad(date.getUTCSeconds(), 2),
    s: () => String(date.getUTCSeconds()),
    tt: () => (date.getUTCHours() < 12 ? 'AM' : 'PM'),
  };
  const tokens = /'[^']*'|\\.|yyyy|yy|MM|M|dd|d|HH|H|hh|h|mm|m|ss|s|tt|f{1,7}|./gs;
  return pattern.replace(tokens, (token) => {
    if (token.startsWith("'")) return token.slice(1, -1);
    if (token.startsWith('\\')) return token.slice(1);
    if (token.startsWith('f')) return pad(date.getUTCMilliseconds(), 3).padEnd(7, '0').slice(0, token.length);
    return parts[token]?.() ?? token;
  });
}
