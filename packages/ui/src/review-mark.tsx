import { formatAbsoluteTime, formatShortDate } from './format-time.js';
import { Icon, type IconName } from './icon.js';

/** The GraphQL `ReviewStatus` values, plus `CORRECTED` for analyses an editor has changed. */
export type ReviewStatus = 'UNREVIEWED' | 'APPROVED' | 'REJECTED' | 'NEEDS_REREVIEW' | 'CORRECTED';

export interface ReviewMarkProps {
  status: ReviewStatus;
  reviewedBy?: string | null;
  /** ISO timestamp of the review. */
  reviewedAt?: string | null;
  /** Reference time for deciding whether to print the year; injectable for tests. */
  now?: Date;
}

const ICONS: Record<ReviewStatus, IconName> = {
  UNREVIEWED: 'sparkle',
  APPROVED: 'check',
  REJECTED: 'x',
  NEEDS_REREVIEW: 'refresh',
  CORRECTED: 'pencil',
};

const VERBS: Partial<Record<ReviewStatus, string>> = {
  APPROVED: 'Reviewed',
  REJECTED: 'Rejected',
  CORRECTED: 'Corrected',
};

/** "Reviewed by Ada, 3 Nov" — pieces that are missing are left out rather than shown as blanks. */
export function reviewMarkText({ status, reviewedBy, reviewedAt, now }: ReviewMarkProps): string {
  if (status === 'UNREVIEWED') return 'AI \u00b7 not reviewed';
  if (status === 'NEEDS_REREVIEW') return 'Needs re-review';
  let text = VERBS[status] ?? status;
  if (reviewedBy) text += ` by ${reviewedBy}`;
  const date = reviewedAt ? formatShortDate(reviewedAt, now) : '';
  if (date) text += `, ${date}`;
  return text;
}

/** Whether an AI-made field has been checked by an editor, shown wherever AI output is shown. */
export function ReviewMark(props: ReviewMarkProps) {
  const { status, reviewedAt } = props;
  const text = reviewMarkText(props);
  const modifier = status.toLowerCase().replace('_', '-');
  return (
    <span
      className={`wl-badge wl-review wl-review--${modifier}`}
      title={reviewedAt && status !== 'UNREVIEWED' ? formatAbsoluteTime(reviewedAt) : undefined}
    >
      <Icon name={ICONS[status]} />
      <span>{text}</span>
    </span>
  );
}
