import { describe, expect, it } from 'vitest';

import { findRatingStatement } from './analyst-rating.js';
import { prepareDocument } from './prepare-document.js';
import { splitSentences } from './split-sentences.js';
import { tokenize } from './tokenize.js';
import { afterDateline, isResultsRow, isTableRow, withoutWireSlug } from './wire-format.js';

const row = (text: string) => isTableRow(text, tokenize(text));

describe('wire-service copy', () => {
  it('splits an indented results table into one line per row', () => {
    const text =
      'CHICAGO, April 7 - Shr 41 cts vs 36 cts\n    Net 8.2 mln vs 7.1 mln\n    Revs 96.4 mln vs 88.0 mln\n Reuter';
    expect(splitSentences(text).map((s) => s.text)).toEqual([
      'CHICAGO, April 7 - Shr 41 cts vs 36 cts',
      'Net 8.2 mln vs 7.1 mln',
      'Revs 96.4 mln vs 88.0 mln\n Reuter',
    ]);
  });

  it('tells a results row from a short line that holds a figure', () => {
    const results = (text: string) => isResultsRow(text, tokenize(text));
    expect(results('CHICAGO, April 7 - Shr 41 cts vs 36 cts')).toBe(true);
    expect(results('Qtly div 12 cts')).toBe(true);
    expect(results('Net 8.2 mln vs 7.1 mln')).toBe(true);
    expect(row('Storm hits 3 states')).toBe(true);
    expect(results('Storm hits 3 states')).toBe(false);
    expect(results('Tottenham v Manchester United: live')).toBe(false);
  });

  it('finds the dateline before the first sentence', () => {
    for (const text of [
      'SAN DIEGO, May 12 - Harbor Tools Inc said it agreed to buy a valve maker.',
      'OSLO, Norway, Jan 3 - The group said orders rose.',
      'LONDON, Sept 9 (Reuters) - Shares of the bank fell.',
    ]) {
      const tokens = tokenize(text);
      const first = tokens[afterDateline(text, tokens)]?.text;
      expect(['Harbor', 'The', 'Shares']).toContain(first);
    }
    expect(
      afterDateline('Sales rose in May, the company said.', tokenize('Sales rose in May, the company said.')),
    ).toBe(0);
  });

  it('tells table rows and labels from statements', () => {
    expect(row('Shr 41 cts vs 36 cts')).toBe(true);
    expect(row('CHICAGO, April 7 - Shr loss nine cts vs profit 12 cts')).toBe(true);
    expect(row('Qtly div 15 cts vs 15 cts prior')).toBe(true);
    expect(row('Pay June 1')).toBe(true);
    expect(row('Nine mths')).toBe(true);
    expect(row('Reuter')).toBe(true);
    expect(row('Sales rose 5% to $3 billion.')).toBe(false);
    expect(row('Net income rose to 8.2 million dollars from 7.1 million dollars, the company said.')).toBe(
      false,
    );
  });

  it('marks table rows on the prepared document, never the headline', () => {
    const doc = prepareDocument({
      title: 'HARBOR TOOLS <HBT> 2ND QTR NET',
      text: 'Shr 41 cts vs 36 cts\n    Net 8.2 mln vs 7.1 mln\n    The company said demand for valves was strong.',
    });
    expect(doc.sentences.map((s) => s.tableRow)).toEqual([false, true, true, false]);
  });
});

describe('wire headline slugs', () => {
  it('drops the version, kind and desk slugs before a headline, several in a row', () => {
    expect(withoutWireSlug('UPDATE 2-Harbor Tools to cut 500 jobs')).toBe('Harbor Tools to cut 500 jobs');
    expect(withoutWireSlug('RPT-UPDATE 1-Harbor Tools beats forecasts')).toBe('Harbor Tools beats forecasts');
    expect(withoutWireSlug('EXCLUSIVE-Harbor, Valvex in merger talks')).toBe(
      'Harbor, Valvex in merger talks',
    );
    expect(withoutWireSlug('US STOCKS-Wall St ends lower')).toBe('Wall St ends lower');
    expect(withoutWireSlug('TRLPC - Harbor backs bid with bridge loan')).toBe(
      'Harbor backs bid with bridge loan',
    );
    expect(withoutWireSlug('CORRECTED-Harbor to buy Valvex for $5.9 bln')).toBe(
      'Harbor to buy Valvex for $5.9 bln',
    );
  });

  it('keeps capitals that are a name, a slug word inside the headline and a hyphenated word', () => {
    for (const headline of [
      'LSE-Deutsche Börse merger faces Brexit risk',
      'GSK-Novartis asset swap closes',
      'Harbor Tools issues UPDATE-2 of its guidance',
      'FEATURE-rich phones lift Harbor sales',
      'Update on the Harbor Tools recall',
    ])
      expect(withoutWireSlug(headline)).toBe(headline);
  });

  it('lets a company glued to a slug be found in the headline', () => {
    const doc = prepareDocument({ title: 'REFILE-Harbor Tools shares jump', text: '' });
    expect(doc.headline?.text).toBe('Harbor Tools shares jump');
    expect(doc.headline?.tokens.map((t) => t.text).slice(0, 2)).toEqual(['Harbor', 'Tools']);
  });
});

describe('analyst rating statements', () => {
  const verb = (text: string) => {
    const tokens = tokenize(text);
    const statement = findRatingStatement(tokens);
    return statement ? tokens[statement.verb]?.lower : null;
  };

  it('finds the rating verb of upgrades, initiations, reiterations and target changes', () => {
    expect(verb('Northgate Securities Upgrades Fabrikam to Buy')).toBe('upgrades');
    expect(verb('Bayview initiates coverage of Litware with an Overweight rating')).toBe('initiates');
    expect(verb('Larchmont Maintains Outperform on Contoso, Raises Price Target to $80')).toBe('maintains');
    expect(verb('Analyst cuts price target on Northwind to $31')).toBe('cuts');
    // The first of several rating verbs follows the broker.
    expect(verb('Harbor Ridge turns bearish on Contoso, cuts target to $150')).toBe('turns');
  });

  it('is not fooled by deals and ordinary targets', () => {
    expect(verb('Fabrikam agrees to buy Litware for $2 billion')).toBeNull();
    expect(verb('The company met its emissions target for the year')).toBeNull();
  });
});
