import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';

import { DiffView, valuesEqual, type DiffField } from './diff-view.js';

interface Analysis {
  sentiment: string;
  score: number;
  importance: number;
  summary: string | null;
  takeaways: string[];
}

const fields: DiffField<Analysis>[] = [
  { key: 'sentiment', label: 'Sentiment' },
  { key: 'score', label: 'Score', format: (value) => (value as number).toFixed(2) },
  { key: 'importance', label: 'Importance' },
  { key: 'summary', label: 'Summary' },
  { key: 'takeaways', label: 'Key takeaways' },
];

const ai: Analysis = {
  sentiment: 'Neutral',
  score: 0.05,
  importance: 5,
  summary: null,
  takeaways: ['Chips', 'Cloud'],
};
const editor: Analysis = {
  sentiment: 'Bearish',
  score: -0.5,
  importance: 5,
  summary: 'Export rules tighten.',
  takeaways: ['Chips', 'Cloud'],
};

describe('DiffView', () => {
  it('lays out label, before and after per field', () => {
    render(
      <DiffView
        before={ai}
        after={editor}
        fields={fields}
        beforeLabel="AI"
        afterLabel="Editor"
        caption="Correction"
      />,
    );
    const table = screen.getByRole('table', { name: 'Correction' });
    within(table).getByRole('columnheader', { name: 'AI' });
    within(table).getByRole('columnheader', { name: 'Editor' });
    const score = within(table).getByRole('row', { name: /^Score/ });
    expect(within(score).getByText('0.05').tagName).toBe('DEL');
    expect(within(score).getByText('-0.50').tagName).toBe('INS');
  });

  it('marks changed fields in words, not only with colour', () => {
    render(<DiffView before={ai} after={editor} fields={fields} />);
    const sentiment = screen.getByRole('row', { name: /^Sentiment/ });
    within(sentiment).getByText('Changed');
    expect(sentiment.className).toContain('is-changed');

    const importance = screen.getByRole('row', { name: /^Importance/ });
    expect(within(importance).queryByText('Changed')).toBeNull();
    expect(within(importance).getAllByText('5')).toHaveLength(2);

    // Same list on both sides counts as unchanged.
    expect(within(screen.getByRole('row', { name: /^Key takeaways/ })).queryByText('Changed')).toBeNull();
    screen.getByText('3 of 5 fields changed.');
  });

  it('shows an empty value as a dash and can hide unchanged rows', () => {
    render(<DiffView before={ai} after={editor} fields={fields} changedOnly />);
    const summary = screen.getByRole('row', { name: /^Summary/ });
    within(summary).getByText('—');
    expect(screen.queryByRole('row', { name: /^Importance/ })).toBeNull();
  });

  it('says so when nothing changed', () => {
    render(<DiffView before={ai} after={{ ...ai, takeaways: [...ai.takeaways] }} fields={fields} />);
    expect(screen.queryByText('Changed')).toBeNull();
    screen.getByText('No fields changed.');
  });
});

describe('valuesEqual', () => {
  it('compares nested values and treats null, undefined and empty alike', () => {
    expect(valuesEqual([{ name: 'Arm', relevance: 0.5 }], [{ name: 'Arm', relevance: 0.5 }])).toBe(true);
    expect(valuesEqual([{ name: 'Arm' }], [{ name: 'AMD' }])).toBe(false);
    expect(valuesEqual(null, undefined)).toBe(true);
    expect(valuesEqual('', null)).toBe(true);
    expect(valuesEqual([1], { 0: 1 })).toBe(false);
  });
});
