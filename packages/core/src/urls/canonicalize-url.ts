import { AppError } from '../errors/app-error.js';

/** Query parameters that only track where a click came from; they never select content. */
const trackingParams = new Set(
  [
    'fbclid gclid gclsrc dclid gbraid wbraid msclkid yclid twclid ttclid li_fat_id igshid',
    'mc_cid mc_eid _hsenc _hsmi mkt_tok vero_id vero_conv oly_enc_id oly_anon_id rb_clickid',
    'ref ref_src ref_url cmpid ncid sr_share spm smid ocid xtor ito s_cid soc_src soc_trk _ga _gl',
    'wt_mc wt.mc_id wt_zmc at_medium at_campaign at_custom1 at_custom2 at_custom3 at_custom4',
    'guccounter guce_referrer guce_referrer_sig __twitter_impression',
    'fb_action_ids fb_action_types fb_source fb_ref action_object_map action_type_map action_ref_map',
  ].flatMap((line) => line.split(' ')),
);

const trackingPrefixes = ['utm_', 'pk_', 'mtm_', 'hmb_', 'stm_'];

export function isTrackingParam(name: string): boolean {
  const lower = name.toLowerCase();
  return trackingParams.has(lower) || trackingPrefixes.some((prefix) => lower.startsWith(prefix));
}

function paramName(pair: string): string {
  const raw = pair.split('=', 1)[0] ?? '';
  try {
    return decodeURIComponent(raw.replace(/\+/g, ' '));
  } catch {
    return raw;
  }
}

/** RFC 3986 §6.2.2: upper-case percent-escapes and decode the ones that stand for unreserved characters. */
function normalizePercentEncoding(value: string): string {
  return value.replace(/%([0-9a-fA-F]{2})/g, (_match, hex: string) => {
    const char = String.fromCharCode(parseInt(hex, 16));
    return /[A-Za-z0-9\-._~]/.test(char) ? char : `%${hex.toUpperCase()}`;
  });
}

/**
 * Canonical form of an article URL, still fetchable: lower-case scheme and host (WHATWG URL
 * parsing), no default port, no trailing dot on the host, no fragment, no tracking parameters,
 * remaining parameters sorted (their raw encoding kept), no trailing slash except on the root.
 * The scheme and a `www.` prefix are kept because they can name different servers; use
 * `urlKey` when comparing articles. Throws AppError INVALID_INPUT for non-http(s) or invalid URLs.
 */
export function canonicalizeUrl(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url.trim());
  } catch {
    throw new AppError('INVALID_INPUT', 'Not a valid URL', { details: { url } });
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    throw new AppError('INVALID_INPUT', 'Only http and https URLs can be canonicalised', {
      details: { url },
    });
  }
  parsed.hash = '';
  if (parsed.hostname.endsWith('.')) parsed.hostname = parsed.hostname.replace(/\.+$/, '');
  const pairs = parsed.search
    .slice(1)
    .split('&')
    .filter((pair) => pair !== '' && !isTrackingParam(paramName(pair)))
    .map(normalizePercentEncoding)
    .sort();
  let path = normalizePercentEncoding(parsed.pathname);
  if (path.length > 1) path = path.replace(/\/+$/, '') || '/';
  const auth = parsed.username ? `${parsed.username}${parsed.password ? `:${parsed.password}` : ''}@` : '';
  const query = pairs.length > 0 ? `?${pairs.join('&')}` : '';
  return `${parsed.protocol}//${auth}${parsed.host}${path}${query}`;
}
