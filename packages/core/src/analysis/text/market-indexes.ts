/**
 * Stock-market benchmarks told moving: "Nikkei falls", "S&P 500 ends higher", "Dow drops 500
 * points". A benchmark that moves is the market's news (the Finance topic), and "Dow" moving is the
 * index, not Dow Inc.; named as a label ("a FTSE 100 chief executive") it is neither.
 */

/** Benchmarks by the names headlines give them. */
const INDEX_NAMES = [
  'nikkei',
  'topix',
  'ftse',
  'ftse 100',
  'ftse 250',
  'dax',
  'cac',
  'cac 40',
  'stoxx',
  'stoxx 600',
  'euro stoxx 50',
  'nasdaq',
  'nasdaq composite',
  's&p',
  's&p 500',
  'dow',
  'dow jones',
  'hang seng',
  'kospi',
  'sensex',
  'nifty',
  'asx',
  'asx 200',
  'tsx',
  'ibovespa',
  'russell 2000',
  'csi 300',
  'shanghai composite',
];

/** How a benchmark moves, in the singular a headline gives it ("Nikkei falls", "Dow ended"). */
const INDEX_MOVES =
  'falls/fell/rises/rose/slips/slipped/climbs/climbed/gains/gained/drops/dropped/jumps/jumped/tumbles/tumbled/rallies/rallied/ends/ended/closes/closed/opens/opened/slides/slid/surges/surged/plunges/plunged/sinks/sank/soars/soared/edges/edged/extends/extended/sheds/shed/dips/dipped/retreats/retreated/rebounds/rebounded/hits/notches/notched/posts/posted';

/**
 * Markets by region, as a whole: "European stocks close at record", "Asian shares slide" ("world
 * shares" is too often a company's: "AO World shares tumble").
 */
const REGIONAL_MARKETS =
  'european/asian/global/emerging-market/chinese/japanese/us stocks/shares/equities|u.s . stocks/shares/equities|world stocks|world equities';

/** Phrase patterns (phrase-matcher syntax) of a benchmark told moving and of regional markets. */
export const MARKET_MOVE_PATTERNS = [
  ...INDEX_NAMES.map((name) => `${name} ${INDEX_MOVES}`),
  REGIONAL_MARKETS,
].join('|');

/** Phrase patterns in which "Dow" is the index moving, not Dow Inc. */
export const DOW_MOVE_PATTERNS = `dow ${INDEX_MOVES}`;
