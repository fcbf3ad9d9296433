export { SentimentBadge, type SentimentBadgeProps } from './sentiment-badge.js';
export {
  formatScore,
  sentimentLabelFromScore,
  sentimentLabelText,
  SENTIMENT_LABELS,
  type SentimentLabel,
} from './sentiment.js';
export { ImportanceMeter, clampImportance, type ImportanceMeterProps } from './importance-meter.js';
export { ReviewMark, reviewMarkText, type ReviewMarkProps, type ReviewStatus } from './review-mark.js';
export { CompanyChip, type CompanyChipProps } from './company-chip.js';
export { TopicChip, type TopicChipProps } from './topic-chip.js';
export type { LinkComponent, LinkComponentProps } from './link.js';
export {
  ArticleCard,
  type ArticleCardData,
  type ArticleCardProps,
  type ArticleCompany,
  type ArticleTopic,
} from './article-card.js';
export { type ChartPeriod } from './chart-highlight.js';
export { TrendChart, type BucketRange, type TrendChartProps } from './trend-chart.js';
export {
  CompareChart,
  MAX_COMPARE_SERIES,
  type CompareChartProps,
  type CompareSeries,
} from './compare-chart.js';
export {
  formatBucketStart,
  isEmptySeries,
  type Granularity,
  type SentimentBucket,
} from './sentiment-bucket.js';
export { CHART_COLORS, COMPARE_STYLES } from './chart-theme.js';
export {
  chartToPng,
  findChartSvg,
  serializeSvg,
  type ChartToPngOptions,
  type SerializedSvg,
} from './chart-export.js';
export { TableHead } from './table-head.js';
export { downloadBlob, toCsv, type CsvColumn } from './csv.js';
export { Skeleton, type SkeletonProps } from './skeleton.js';
export { EmptyState, type EmptyStateProps } from './empty-state.js';
export { ErrorState, type ErrorStateProps } from './error-state.js';
export { Spinner, type SpinnerProps } from './spinner.js';
export { useHotkeys, type HotkeyMap } from './use-hotkeys.js';
export { KeyboardShortcuts, type KeyboardShortcut } from './keyboard-shortcuts.js';
export { DiffView, valuesEqual, type DiffField, type DiffViewProps } from './diff-view.js';
export { formatAbsoluteTime, formatRelativeTime, formatShortDate } from './format-time.js';
