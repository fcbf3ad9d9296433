/** "1 article", "734 articles", or for an estimate "about 320,000 articles" (two significant digits). */
export function articleCount(count: number, estimate: boolean): string {
  if (!estimate) return `${count.toLocaleString('en-US')} ${count === 1 ? 'article' : 'articles'}`;
  const magnitude = 10 ** Math.max(0, Math.floor(Math.log10(count)) - 1);
  return `about ${(Math.round(count / magnitude) * magnitude).toLocaleString('en-US')} articles`;
}
