import { render, screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';

import { ConflictMerge } from './ConflictMerge.js';

describe('ConflictMerge', () => {
  it('shows the label a score implies beside it, when only the score was changed', () => {
    render(
      <ConflictMerge
        conflict={{
          currentVersion: 4,
          lastChangedAt: null,
          lastChangedBy: { name: 'Olga' },
          current: { sentimentLabel: 'BULLISH', sentimentScore: 0.8, summary: 'Saved summary.' },
        }}
        yours={{ sentimentScore: -0.6 }}
        yourValues={{ sentimentScore: -0.6 }}
        submitting={false}
        onMerge={vi.fn()}
        onDiscard={vi.fn()}
      />,
    );
    const row = screen.getByRole('row', { name: /Score/ });
    within(row).getByText('Bullish +0.80');
    within(row).getByText('Bearish \u22120.60');
    // The saved value comes first, then the editor's own.
    expect(row.textContent).toMatch(/Bullish \+0\.80.*Bearish \u22120\.60/);
  });
});
