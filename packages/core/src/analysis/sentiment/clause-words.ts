/** Words that mark where a clause or a noun phrase starts, shared by the sentence rules. */

export const DETERMINERS: ReadonlySet<string> = new Set(['the', 'a', 'an', 'its', 'their']);

/** Words that open a clause of their own; evidence inside it does not reach back across them. */
export const SUBORDINATORS = new Set([
  'after',
  'despite',
  'because',
  'since',
  'while',
  'when',
  'following',
  'amid',
  'although',
]);
/** A cause or time clause after a direction ("slips as worries grow", "fell on weak demand") is not what moved. */
export const CLAUSE_OPENERS = new Set([...SUBORDINATORS, 'as', 'on', 'before', 'than', 'over', 'due']);
