import { render } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';

import { chartToPng, findChartSvg, serializeSvg } from './chart-export.js';
import { TrendChart } from './trend-chart.js';

function renderChartSvg() {
  const { container } = render(
    <TrendChart
      buckets={[
        { start: '2026-11-01T00:00:00Z', meanScore: 0.2, count: 4, bullish: 2, neutral: 1, bearish: 1 },
      ]}
      width={480}
      height={240}
      animate={false}
    />,
  );
  const svg = findChartSvg(container);
  if (!svg) throw new Error('chart did not render');
  return svg;
}

describe('serializeSvg', () => {
  it('produces standalone markup with size, namespace, background, title and legend', () => {
    const svg = renderChartSvg();
    const { markup, width, height } = serializeSvg(svg, { background: '#fafafa' });
    // 28 px title band + 240 px plot + one 28 px legend row.
    expect([width, height]).toEqual([480, 296]);
    const parsed = new DOMParser().parseFromString(markup, 'image/svg+xml').documentElement;
    expect(parsed.getAttribute('xmlns')).toBe('http://www.w3.org/2000/svg');
    expect(parsed.getAttribute('viewBox')).toBe('0 0 480 296');
    expect(parsed.querySelector(':scope > rect')?.getAttribute('fill')).toBe('#fafafa');
    const texts = Array.from(
      parsed.querySelectorAll(':scope > text, :scope > g > text'),
      (text) => text.textContent,
    );
    expect(texts).toEqual(expect.arrayContaining(['Sentiment over time', 'Articles', 'Mean score']));
    expect(markup).toContain('recharts-line-dot');
    // The page's SVG is left untouched.
    expect(svg.getAttribute('height')).toBe('240');
    expect(svg.querySelector(':scope > rect[fill="#fafafa"]')).toBeNull();
  });

  it('can leave out the title and legend', () => {
    const { height, markup } = serializeSvg(renderChartSvg(), { includeTitle: false, includeLegend: false });
    expect(height).toBe(240);
    expect(markup).not.toContain('>Mean score</text>');
  });

  it('refuses a chart that has not been laid out', () => {
    const empty = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
    expect(() => serializeSvg(empty)).toThrow(/no size/);
  });
});

describe('chartToPng', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.restoreAllMocks();
  });

  function stubBrowser(imageLoads: boolean) {
    // happy-dom cannot decode images or rasterise a canvas, so those two browser pieces are stood in for.
    const sources: string[] = [];
    class FakeImage {
      onload: (() => void) | null = null;
      onerror: (() => void) | null = null;
      set src(url: string) {
        sources.push(url);
        queueMicrotask(() => (imageLoads ? this.onload?.() : this.onerror?.()));
      }
    }
    vi.stubGlobal('Image', FakeImage);
    const context = { scale: vi.fn(), drawImage: vi.fn() };
    vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockReturnValue(
      context as unknown as CanvasRenderingContext2D,
    );
    const toBlob = vi.spyOn(HTMLCanvasElement.prototype, 'toBlob').mockImplementation(function (
      this: HTMLCanvasElement,
      callback: BlobCallback,
      type?: string,
    ) {
      callback(new Blob([`${this.width}x${this.height}`], { type }));
    });
    vi.spyOn(URL, 'createObjectURL').mockReturnValue('blob:chart');
    const revoke = vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined);
    return { context, toBlob, revoke, sources };
  }

  it('draws the serialised chart on a canvas at the requested scale and returns a PNG', async () => {
    const { context, revoke } = stubBrowser(true);
    const blob = await chartToPng(renderChartSvg(), { scale: 2 });
    expect(blob.type).toBe('image/png');
    expect(await blob.text()).toBe('960x592');
    expect(context.scale).toHaveBeenCalledWith(2, 2);
    expect(context.drawImage).toHaveBeenCalledWith(expect.any(Object), 0, 0, 480, 296);
    expect(revoke).toHaveBeenCalledWith('blob:chart');
  });

  it('rejects when the image cannot be loaded, still freeing the object URL', async () => {
    const { revoke } = stubBrowser(false);
    await expect(chartToPng(renderChartSvg())).rejects.toThrow('could not be rendered');
    expect(revoke).toHaveBeenCalledWith('blob:chart');
  });

  it('loads the SVG from a data: URL when asked, for pages whose CSP blocks blob: images', async () => {
    const { revoke, sources } = stubBrowser(true);
    const blob = await chartToPng(renderChartSvg(), { dataUrl: true });
    expect(blob.type).toBe('image/png');
    expect(sources[0]).toMatch(/^data:image\/svg\+xml;charset=utf-8,%3Csvg/);
    expect(revoke).not.toHaveBeenCalled();
  });
});
