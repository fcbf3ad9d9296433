import { useState, type FormEvent } from 'react';
import { useMutation } from 'urql';

import { describeError } from '../../lib/errors.js';
import { FormAlert } from '../DataTable.js';
import { Field } from '../Field.js';
import {
  AddAliasMutation,
  AddTickerMutation,
  RemoveAliasMutation,
  RemoveTickerMutation,
  tickerText,
  type RegistryCompany,
} from './companyDocuments.js';

/** A company's other names and its listings, each removable, with forms to add more. */
export function CompanyNamesEditor({ company }: { company: RegistryCompany }) {
  const [alias, setAlias] = useState('');
  const [ambiguous, setAmbiguous] = useState(false);
  const [symbol, setSymbol] = useState('');
  const [exchange, setExchange] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [addAliasState, addAlias] = useMutation(AddAliasMutation);
  const [removeAliasState, removeAlias] = useMutation(RemoveAliasMutation);
  const [addTickerState, addTicker] = useMutation(AddTickerMutation);
  const [removeTickerState, removeTicker] = useMutation(RemoveTickerMutation);
  const busy =
    addAliasState.fetching ||
    removeAliasState.fetching ||
    addTickerState.fetching ||
    removeTickerState.fetching;

  const run = async (work: Promise<{ error?: Parameters<typeof describeError>[0] }>, onDone?: () => void) => {
    const outcome = await work;
    if (outcome.error) return setProblem(describeError(outcome.error).message);
    setProblem(null);
    onDone?.();
  };
  const submitAlias = (event: FormEvent) => {
    event.preventDefault();
    if (!alias.trim()) return setProblem('Type the name to add.');
    void run(addAlias({ companyId: company.id, alias: alias.trim(), ambiguous }), () => {
      setAlias('');
      setAmbiguous(false);
    });
  };
  const submitTicker = (event: FormEvent) => {
    event.preventDefault();
    if (!symbol.trim()) return setProblem('Type the ticker symbol to add.');
    void run(
      addTicker({ companyId: company.id, symbol: symbol.trim(), exchange: exchange.trim() || null }),
      () => {
        setSymbol('');
        setExchange('');
      },
    );
  };

  return (
    <div className="names-editor">
      <FormAlert>{problem}</FormAlert>
      <h4>Other names</h4>
      <RemovableChips
        label={`Other names of ${company.name}`}
        items={company.aliases.map((name) => ({ key: name, text: name, removeLabel: `Remove name ${name}` }))}
        disabled={busy}
        onRemove={(index) => {
          const name = company.aliases[index];
          if (name !== undefined) void run(removeAlias({ companyId: company.id, alias: name }));
        }}
      />
      <form
        className="form form--inline"
        onSubmit={submitAlias}
        aria-label={`Add a name for ${company.name}`}
      >
        <Field label="New name">
          <input value={alias} maxLength={200} onChange={(event) => setAlias(event.target.value)} />
        </Field>
        <label className="check">
          <input
            type="checkbox"
            checked={ambiguous}
            onChange={(event) => setAmbiguous(event.target.checked)}
          />
          Also an ordinary word (needs company context)
        </label>
        <button type="submit" className="button button--ghost" disabled={busy}>
          Add name
        </button>
      </form>
      <h4>Tickers</h4>
      <RemovableChips
        label={`Tickers of ${company.name}`}
        items={company.tickers.map((ticker) => ({
          key: `${ticker.exchange}:${ticker.symbol}`,
          text: tickerText(ticker),
          removeLabel: `Remove ticker ${tickerText(ticker)}`,
        }))}
        disabled={busy}
        onRemove={(index) => {
          const ticker = company.tickers[index];
          if (ticker)
            void run(
              removeTicker({ companyId: company.id, symbol: ticker.symbol, exchange: ticker.exchange }),
            );
        }}
      />
      <form
        className="form form--inline"
        onSubmit={submitTicker}
        aria-label={`Add a ticker for ${company.name}`}
      >
        <Field label="Symbol">
          <input
            value={symbol}
            maxLength={20}
            autoCapitalize="characters"
            onChange={(event) => setSymbol(event.target.value)}
          />
        </Field>
        <Field label="Exchange (optional)">
          <input
            value={exchange}
            maxLength={20}
            autoCapitalize="characters"
            onChange={(event) => setExchange(event.target.value)}
          />
        </Field>
        <button type="submit" className="button button--ghost" disabled={busy}>
          Add ticker
        </button>
      </form>
    </div>
  );
}

/** Chips, each with a button that removes it; "None yet." when there are none. */
function RemovableChips({
  label,
  items,
  disabled,
  onRemove,
}: {
  label: string;
  items: { key: string; text: string; removeLabel: string }[];
  disabled: boolean;
  onRemove: (index: number) => void;
}) {
  if (items.length === 0) return <p className="muted small">None yet.</p>;
  return (
    <ul className="wl-chip-list" aria-label={label}>
      {items.map((item, index) => (
        <li key={item.key} className="wl-chip">
          {item.text}
          <button
            type="button"
            className="chip-remove"
            aria-label={item.removeLabel}
            disabled={disabled}
            onClick={() => onRemove(index)}
          >
            <span aria-hidden="true">×</span>
          </button>
        </li>
      ))}
    </ul>
  );
}
