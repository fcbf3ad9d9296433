/**
 * Month names by index: English, plus the Portuguese, Spanish, French, German and Italian
 * abbreviations localised generators write into RFC 822 dates (e.g. UOL's "Seg, 24 Set 2018").
 */
const monthNames = [
  'jan ene gen janv',
  'feb fev fév fevr févr',
  'mar mär mrz mars',
  'apr abr avr',
  'may mai mag',
  'jun juin giu',
  'jul juil lug',
  'aug ago aoû aou',
  'sep set',
  'oct okt out ott',
  'nov',
  'dec dez dic déc',
];

const months = new Map(
  monthNames.flatMap((names, index) => names.split(' ').map((name) => [name, index] as const)),
);

function monthIndex(name: string): number | undefined {
  const lower = name.toLowerCase();
  return months.get(lower) ?? months.get(lower.slice(0, 4)) ?? months.get(lower.slice(0, 3));
}

/** Offsets in minutes for the zone names RFC 822 defines plus a few that feeds use in practice. */
const zoneOffsets = new Map(
  Object.entries({
    '0': 'ut utc gmt z wet',
    '-300': 'est cdt',
    '-240': 'edt',
    '-360': 'cst mdt',
    '-420': 'mst pdt',
    '-480': 'pst akdt',
    '-540': 'akst',
    '-600': 'hst',
    '60': 'bst cet met west',
    '120': 'cest mest eet',
    '180': 'eest msk',
    '540': 'jst kst',
    '600': 'aest',
    '660': 'aedt',
    '720': 'nzst',
    '780': 'nzdt',
  }).flatMap(([offset, names]) => names.split(' ').map((name) => [name, Number(offset)] as const)),
);

const rfc822 =
  /^(?:\p{L}+\.?,?\s*)?(\d{1,2})[\s-]+(\p{L}+)\.?[\s-]+(\d{2,4})(?:[\sT,]+(\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?\s*(.*)$/iu;

const iso8601 =
  /^(\d{4})-?(\d{2})-?(\d{2})(?:[T\s](\d{2}):?(\d{2})(?::?(\d{2})(?:[.,](\d+))?)?)?\s*(z|[+-]\d{2}(?::?\d{2})?)?$/i;

function zoneMinutes(zone: string): number | null {
  const z = zone.trim().replace(/^\(|\)$/g, '');
  if (z === '') return 0;
  const numeric = /^(?:gmt|utc)?([+-])(\d{1,2}):?(\d{2})?$/i.exec(z);
  if (numeric) {
    const sign = numeric[1] === '-' ? -1 : 1;
    return sign * (Number(numeric[2]) * 60 + Number(numeric[3] ?? '0'));
  }
  const named = zoneOffsets.get(z.toLowerCase());
  if (named !== undefined) return named;
  // RFC 822 military zones are unreliable in practice (RFC 1123 says treat them as UTC).
  if (/^[a-z]$/i.test(z)) return 0;
  return null;
}

function build(
  year: number,
  month: number,
  day: number,
  hour: number,
  minute: number,
  second: number,
  millis: number,
  offsetMinutes: number,
): Date | null {
  if (month < 0 || month > 11 || day < 1 || day > 31 || hour > 24 || minute > 59 || second > 60) return null;
  const time = Date.UTC(year, month, day, hour, minute, second, millis) - offsetMinutes * 60_000;
  const date = new Date(time);
  return Number.isNaN(date.getTime()) ? null : date;
}

function parseRfc822(value: string): Date | null {
  const m = rfc822.exec(value);
  if (!m) return null;
  const month = monthIndex(m[2] ?? '');
  if (month === undefined) return null;
  let year = Number(m[3]);
  if (year < 100) year += year < 50 ? 2000 : 1900;
  const offset = zoneMinutes(m[7] ?? '');
  if (offset === null) return null;
  return build(
    year,
    month,
    Number(m[1]),
    Number(m[4] ?? '0'),
    Number(m[5] ?? '0'),
    Number(m[6] ?? '0'),
    0,
    offset,
  );
}

function parseIso8601(value: string): Date | null {
  const m = iso8601.exec(value);
  if (!m) return null;
  const zone = m[8];
  const offset = zone ? zoneMinutes(zone) : 0;
  if (offset === null) return null;
  const millis = m[7] ? Math.round(Number(`0.${m[7]}`) * 1000) : 0;
  return build(
    Number(m[1]),
    Number(m[2]) - 1,
    Number(m[3]),
    Number(m[4] ?? '0'),
    Number(m[5] ?? '0'),
    Number(m[6] ?? '0'),
    millis,
    offset,
  );
}

/**
 * Parses the date formats feeds use (RFC 822/1123 with named zones, missing seconds or day names;
 * ISO 8601 / W3C-DTF as in Atom and dc:date). Returns null rather than an Invalid Date, and for
 * years outside 1970–2200, which only come from broken generators.
 */
export function parseFeedDate(value: string | null | undefined): Date | null {
  if (!value) return null;
  const text = value.trim().replace(/\s+/g, ' ');
  if (text === '') return null;
  const date = parseIso8601(text) ?? parseRfc822(text);
  if (!date) return null;
  const year = date.getUTCFullYear();
  return year >= 1970 && year <= 2200 ? date : null;
}
