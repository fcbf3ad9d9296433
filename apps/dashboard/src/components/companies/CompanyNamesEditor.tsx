import { useState } from 'react';
import { useMutation } from 'urql';

import { describeError } from '../../lib/errors.js';
import { FormAlert } from '../DataTable.js';
import { TextField } from '../Field.js';
import { InlineForm } from '../InlineForm.js';
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
  const submitAlias = () => {
    if (!alias.trim()) return setProblem('Type the name to add.');
    void run(addAlias({ companyId: company.id, alias: alias.trim(), ambiguous }), () => {
      setAlias('');
      setAmbiguous(false);
    });
  };
  const submitTicker = () => {
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
      <InlineForm label={`Add a name for ${company.name}`} onSubmit={submitAlias}>
        <TextField label="New name" value={alias} maxLength={200} onChange={setAlias} />
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
      </InlineForm>
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
      <InlineForm label={`Add a ticker for ${company.name}`} onSubmit={submitTicker}>
        <CodeField label="Symbol" value={symbol} onChange={setSymbol} />
        <CodeField label="Exchange (optional)" value={exchange} onChange={setExchange} />
        <button type="submit" className="button button--ghost" disabled={busy}>
          Add ticker
        </button>
      </InlineForm>
    </div>
  );
}

/** A short upper-case code such as a ticker symbol or an exchange. */
function CodeField({
  label,
  value,
  onChange,
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
}) {
  return (
    <TextField label={label} value={value} maxLength={20} autoCapitalize="characters" onChange={onChange} />
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
