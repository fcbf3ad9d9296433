/**
 * Words of trade policy that news also uses in other senses. Each is a strong phrase of the
 * Geopolitics & Trade topic, and each reads as trade only when its sentence does not show the other
 * sense:
 * - "retaliation" in a workplace ("wins retaliation lawsuit", "whistleblower alleges retaliation");
 * - "dumping" of securities or of waste ("investors keep dumping bank stocks", "fined for dumping
 *   toxic waste"), where goods sold below cost are trade ("accused of dumping steel");
 * - "sanctions" a regulator, a court or a league imposes ("SEC sanctions broker", "EU antitrust
 *   sanctions", "faces sanctions from FINRA"), where a country's are trade ("US sanctions Russian banks");
 * - "tariffs" of a utility or a network ("electricity tariff increase", "roaming tariffs", "utility
 *   seeks tariff hike"), where a duty on goods is trade (a utility's "tariffs on imported panels");
 * - "export" and "import" as an app's feature ("adds PDF export", "import tool");
 * - "trade" as a trade in securities ("options trade data") or as a price range ("shares trade
 *   between $10 and $12"), and "World Trade Center".
 */
import { wordSet as words } from './phrase-matcher.js';
import { CURRENCY_SIGNS, hasWordIn, type Token } from './tokenize.js';

const WORKPLACE_WORDS = words(
  'whistleblower whistleblowers employee employees worker workers staffer staffers fired firing wrongful ' +
    'discrimination harassment lawsuit lawsuits suit suits',
);
/** What is dumped when the dumping is no trade: securities, and waste. */
const DUMPED_NOT_GOODS = words(
  'shares stock stocks equities bonds treasuries gilts securities holdings positions assets ' +
    'waste sewage toxic chemicals garbage rubbish trash sludge',
);
/** Who sanctions when the sanctions are discipline, not policy between countries. */
const DISCIPLINARY_BODIES = words(
  'sec finra fca regulator regulators watchdog watchdogs court courts judge judges tribunal ' +
    'ncaa league fifa uefa nfl nba mlb nhl antitrust disciplinary regulatory',
);
/** Services whose prices are called tariffs. */
const TARIFF_SERVICES = words(
  'electricity power energy network water gas heating feed-in roaming call calls mobile phone telephone ' +
    'broadband postal rail fare fares grid',
);
const UTILITIES = words('utility utilities');
const FLOWS = words('export exports exported import imports imported goods');
const FILE_WORDS = words(
  'pdf csv json xml file files data image images photo photos video videos contact contacts document documents spreadsheet excel bulk',
);
/** What a feature of software is called: "adds PDF export tool", "pulls Recall feature" (events too). */
export const FEATURE_WORDS: ReadonlySet<string> = words(
  'tool tools feature features function functions option options button wizard format formats app apps mode software',
);
const SECURITIES = words(
  'option options stock stocks share shares equity equities bond bonds crypto bitcoin futures block',
);
const PLACE_WORDS = words('center centre');
/** Trade phrases a trade in securities or a price range may take. */
const MARKET_TRADE_PHRASES = new Set(['trade', 'trade with', 'trade between', 'trade data', 'total trade']);
const PRICE_RANGE_PHRASES = new Set(['trade', 'trade with', 'trade between']);

const lowerAt = (tokens: readonly Token[], i: number) => tokens[i]?.lower ?? '';

/** A figure right after the phrase, or after "a": "trade between $10 and $12", "trade with a 5% yield". */
function figureAt(tokens: readonly Token[], i: number): boolean {
  const at = lowerAt(tokens, i) === 'a' || lowerAt(tokens, i) === 'an' ? i + 1 : i;
  const token = tokens[at];
  return token !== undefined && (token.kind === 'number' || CURRENCY_SIGNS.has(token.lower));
}

/**
 * Whether the trade phrase at tokens[start, end) (`phrase`, its words in lower case) is used in another
 * sense than trade between economies.
 */
export function isOtherTradeSense(
  tokens: readonly Token[],
  start: number,
  end: number,
  phrase: string,
): boolean {
  const first = lowerAt(tokens, start);
  const single = end - start === 1;
  if (first.startsWith('retaliat')) return tokens.some((t) => WORKPLACE_WORDS.has(t.lower));
  if (first === 'dumping') return hasWordIn(tokens, end, end + 3, DUMPED_NOT_GOODS);
  if (first === 'sanctions' && single) {
    if (DISCIPLINARY_BODIES.has(lowerAt(tokens, start - 1))) return true;
    const by = lowerAt(tokens, end);
    return (by === 'from' || by === 'by') && hasWordIn(tokens, end + 1, end + 3, DISCIPLINARY_BODIES);
  }
  if ((first === 'tariff' || first === 'tariffs') && single)
    return (
      hasWordIn(tokens, start - 2, start, TARIFF_SERVICES) ||
      (lowerAt(tokens, end) !== 'on' &&
        tokens.some((t) => UTILITIES.has(t.lower)) &&
        !tokens.some((t) => FLOWS.has(t.lower)))
    );
  if ((first === 'export' || first === 'import') && single)
    return FILE_WORDS.has(lowerAt(tokens, start - 1)) || FEATURE_WORDS.has(lowerAt(tokens, end));
  if (first === 'world' && lowerAt(tokens, start + 1) === 'trade')
    return PLACE_WORDS.has(lowerAt(tokens, end));
  if (!MARKET_TRADE_PHRASES.has(phrase)) return false;
  return (
    SECURITIES.has(lowerAt(tokens, start - 1)) || (PRICE_RANGE_PHRASES.has(phrase) && figureAt(tokens, end))
  );
}
