import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';

import { ReviewMark } from './review-mark.js';

const now = new Date('2026-11-27T12:00:00Z');

describe('ReviewMark', () => {
  it('marks AI output nobody has reviewed yet', () => {
    render(<ReviewMark status="UNREVIEWED" />);
    screen.getByText('AI \u00b7 not reviewed');
  });

  it('names the reviewer and the day of an approval, with the full time in the title', () => {
    const { container } = render(
      <ReviewMark status="APPROVED" reviewedBy="Ada" reviewedAt="2026-11-03T12:00:00Z" now={now} />,
    );
    screen.getByText('Reviewed by Ada, 3 Nov');
    expect(container.firstElementChild?.getAttribute('title')).toMatch(/^3 Nov 2026, \d\d:\d\d$/);
  });

  it('covers rejected, corrected and re-review states', () => {
    const { rerender } = render(
      <ReviewMark status="REJECTED" reviewedBy="Lin" reviewedAt="2025-12-28T12:00:00Z" now={now} />,
    );
    screen.getByText('Rejected by Lin, 28 Dec 2025');

    rerender(<ReviewMark status="CORRECTED" reviewedBy="Ada" />);
    screen.getByText('Corrected by Ada');

    rerender(<ReviewMark status="NEEDS_REREVIEW" reviewedBy="Ada" reviewedAt="2026-11-03T12:00:00Z" />);
    screen.getByText('Needs re-review');
  });

  it('omits missing reviewer details instead of printing blanks', () => {
    render(<ReviewMark status="APPROVED" reviewedAt="2026-11-03T12:00:00Z" now={now} />);
    screen.getByText('Reviewed, 3 Nov');
  });

  it('pairs every status with an icon', () => {
    const { container } = render(<ReviewMark status="REJECTED" />);
    expect(container.querySelector('svg[aria-hidden="true"]')).not.toBeNull();
  });
});
