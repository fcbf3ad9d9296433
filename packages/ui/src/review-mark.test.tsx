import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';

import { ReviewMark } from './review-mark.js';

const now = new Date('2026-11-27T12:00:00Z');

describe('ReviewMark', () => {
  it('marks AI output nobody has reviewed yet', () => {
    render(<ReviewMark status="UNREVIEWED" />);
    expect(screen.getByText('AI \u00b7 not reviewed')).toBeTruthy();
  });

  it('names the reviewer and the day of an approval, with the full time in the title', () => {
    const { container } = render(
      <ReviewMark status="APPROVED" reviewedBy="Ada" reviewedAt="2026-11-03T12:00:00Z" now={now} />,
    );
    expect(screen.getByText('Reviewed by Ada, 3 Nov')).toBeTruthy();
    expect(container.firstElementChild?.getAttribute('title')).toMatch(/^3 Nov 2026, \d\d:\d\d$/);
  });

  it('covers rejected, corrected and re-review states', () => {
    const { rerender } = render(
      <ReviewMark status="REJECTED" reviewedBy="Lin" reviewedAt="2025-12-28T12:00:00Z" now={now} />,
    );
    expect(screen.getByText('Rejected by Lin, 28 Dec 2025')).toBeTruthy();

    rerender(<ReviewMark status="CORRECTED" reviewedBy="Ada" />);
    expect(screen.getByText('Corrected by Ada')).toBeTruthy();

    rerender(<ReviewMark status="NEEDS_REREVIEW" reviewedBy="Ada" reviewedAt="2026-11-03T12:00:00Z" />);
    expect(screen.getByText('Needs re-review')).toBeTruthy();
  });

  it('omits missing reviewer details instead of printing blanks', () => {
    render(<ReviewMark status="APPROVED" reviewedAt="2026-11-03T12:00:00Z" now={now} />);
    expect(screen.getByText('Reviewed, 3 Nov')).toBeTruthy();
  });

  it('pairs every status with an icon', () => {
    const { container } = render(<ReviewMark status="REJECTED" />);
    expect(container.querySelector('svg[aria-hidden="true"]')).not.toBeNull();
  });
});
