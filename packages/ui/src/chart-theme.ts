// Literal colours rather than CSS variables: recharts writes them into SVG attributes, and `chartToPng` renders
// the SVG without the page's stylesheet, where variables would not resolve. All reach 3:1 against white.
export const CHART_COLORS = {
  score: '#1a4fb5',
  volume: '#7b8ba3',
  bullish: '#2e7d32',
  neutral: '#80868f',
  bearish: '#c62828',
  zero: '#5f6673',
  grid: '#dde1e7',
  text: '#3d4450',
  /** The period a page's feed is filtered to. */
  highlight: '#b26b00',
} as const;

/**
 * Okabe–Ito hues (distinguishable with the common colour-vision deficiencies), darkened where needed for contrast,
 * each paired with its own dash pattern so lines differ even in greyscale.
 */
export const COMPARE_STYLES = [
  { color: '#0072b2', dash: undefined, dashLabel: 'solid' },
  { color: '#c05000', dash: '8 4', dashLabel: 'dashed' },
  { color: '#007a5a', dash: '2 3', dashLabel: 'dotted' },
  { color: '#a8447f', dash: '12 4 2 4', dashLabel: 'dash-dot' },
  { color: '#4d4d4d', dash: '4 2 4 6', dashLabel: 'double dash' },
] as const;

export const SCORE_TICKS = [-1, -0.5, 0, 0.5, 1];

/**
 * Entrance animation of lines and bars. recharts draws lines in over 1.5 s by default, and until then the chart
 * is not complete; a short animation still shows where the data comes in without holding it back.
 */
export const CHART_ANIMATION_MS = 300;

/** Animation off for people who asked the system for less motion. */
export function prefersReducedMotion(): boolean {
  return typeof window !== 'undefined' && typeof window.matchMedia === 'function'
    ? window.matchMedia('(prefers-reduced-motion: reduce)').matches
    : false;
}
