/** The chart's drawing surface inside a chart figure (recharts also renders SVG icons in the legend). */
export function findChartSvg(root: ParentNode): SVGSVGElement | null {
  return root.querySelector<SVGSVGElement>('.recharts-wrapper > svg');
}

export interface SerializedSvg {
  markup: string;
  width: number;
  height: number;
}

export interface SerializeOptions {
  background?: string;
  /** Write the chart's title above the plot, since a PNG travels without the page around it. */
  includeTitle?: boolean;
  /** Recharts draws the legend in HTML outside the SVG; redraw it inside so the image keeps it. */
  includeLegend?: boolean;
}

const SVG_NS = 'http://www.w3.org/2000/svg';
const TEXT_COLOR = '#3d4450';
const TITLE_HEIGHT = 28;
const LEGEND_ROW = 20;
// Without layout there is no text measurement; 7 px per character is a safe upper bound for 12 px sans-serif.
const CHAR_WIDTH = 7;

function svgElement(name: string, attributes: Record<string, string | number>): SVGElement {
  const element = document.createElementNS(SVG_NS, name);
  for (const [key, value] of Object.entries(attributes)) element.setAttribute(key, String(value));
  return element;
}

function legendEntries(svg: SVGSVGElement) {
  const wrapper = svg.closest('.recharts-wrapper');
  if (!wrapper) return [];
  return Array.from(wrapper.querySelectorAll('.recharts-legend-item'), (item) => ({
    text: item.querySelector('.recharts-legend-item-text')?.textContent ?? '',
    icon: item.querySelector('svg'),
  })).filter((entry) => entry.text);
}

/** Legend items laid out left to right, wrapping at the chart's width. */
function drawLegend(svg: SVGSVGElement, width: number, top: number): { group: SVGElement; height: number } {
  const group = svgElement('g', { transform: `translate(0, ${top})` });
  let x = 8;
  let row = 0;
  for (const { text, icon } of legendEntries(svg)) {
    const itemWidth = 20 + text.length * CHAR_WIDTH + 16;
    if (x > 8 && x + itemWidth > width) {
      x = 8;
      row += 1;
    }
    const y = row * LEGEND_ROW;
    if (icon) {
      const mark = icon.cloneNode(true) as SVGElement;
      mark.setAttribute('x', String(x));
      mark.setAttribute('y', String(y + 3));
      mark.setAttribute('width', '14');
      mark.setAttribute('height', '14');
      group.append(mark);
    }
    const label = svgElement('text', { x: x + 20, y: y + 14, 'font-size': 12, fill: TEXT_COLOR });
    label.textContent = text;
    group.append(label);
    x += itemWidth;
  }
  return { group, height: group.childNodes.length > 0 ? (row + 1) * LEGEND_ROW + 8 : 0 };
}

/**
 * Standalone SVG markup for the chart: explicit size, namespaces, an opaque background, the page's font, and
 * optionally the title and legend, since the image is rendered without the page and its stylesheet.
 */
export function serializeSvg(
  svg: SVGSVGElement,
  { background = '#ffffff', includeTitle = true, includeLegend = true }: SerializeOptions = {},
): SerializedSvg {
  const box = svg.getBoundingClientRect();
  const width = Math.round(Number(svg.getAttribute('width')) || box.width);
  const plotHeight = Math.round(Number(svg.getAttribute('height')) || box.height);
  if (!width || !plotHeight) throw new Error('The chart has no size yet; export it after it has been drawn.');

  const clone = svg.cloneNode(true) as SVGSVGElement;
  const title = includeTitle ? (svg.querySelector(':scope > title')?.textContent ?? '') : '';
  const titleHeight = title ? TITLE_HEIGHT : 0;

  // Move the plot down under the title; the legend goes under the plot.
  const plot = svgElement('g', { transform: `translate(0, ${titleHeight})` });
  for (const child of Array.from(clone.childNodes)) {
    if (!(child instanceof Element && (child.tagName === 'title' || child.tagName === 'desc')))
      plot.append(child);
  }
  const legend = includeLegend
    ? drawLegend(svg, width, titleHeight + plotHeight)
    : { group: null, height: 0 };
  const height = titleHeight + plotHeight + legend.height;

  clone.setAttribute('xmlns', SVG_NS);
  clone.setAttribute('xmlns:xlink', 'http://www.w3.org/1999/xlink');
  clone.setAttribute('width', String(width));
  clone.setAttribute('height', String(height));
  clone.setAttribute('viewBox', `0 0 ${width} ${height}`);
  clone.removeAttribute('style');
  const font = typeof getComputedStyle === 'function' ? getComputedStyle(svg).fontFamily : '';
  clone.setAttribute('font-family', font || 'system-ui, sans-serif');

  clone.append(svgElement('rect', { width: '100%', height: '100%', fill: background }));
  if (title) {
    const heading = svgElement('text', {
      x: 8,
      y: 19,
      'font-size': 15,
      'font-weight': 600,
      fill: TEXT_COLOR,
    });
    heading.textContent = title;
    clone.append(heading);
  }
  clone.append(plot);
  if (legend.group) clone.append(legend.group);

  return { markup: new XMLSerializer().serializeToString(clone), width, height };
}

function loadImage(url: string): Promise<HTMLImageElement> {
  return new Promise((resolve, reject) => {
    const image = new Image();
    image.onload = () => resolve(image);
    image.onerror = () => reject(new Error('The chart could not be rendered as an image.'));
    image.src = url;
  });
}

export interface ChartToPngOptions extends SerializeOptions {
  /** Pixel density; 2 keeps text sharp on high-DPI screens and in slides. */
  scale?: number;
  /**
   * Load the SVG from a `data:` URL instead of a `blob:` one: for pages whose Content-Security-Policy allows
   * `img-src data:` but not `blob:`.
   */
  dataUrl?: boolean;
}

/** Renders a chart's SVG to a PNG blob: serialise, load as an image, draw on a canvas. */
export async function chartToPng(
  svg: SVGSVGElement,
  { scale = 2, dataUrl = false, ...serializeOptions }: ChartToPngOptions = {},
): Promise<Blob> {
  const { markup, width, height } = serializeSvg(svg, serializeOptions);
  const url = dataUrl
    ? `data:image/svg+xml;charset=utf-8,${encodeURIComponent(markup)}`
    : URL.createObjectURL(new Blob([markup], { type: 'image/svg+xml;charset=utf-8' }));
  try {
    const image = await loadImage(url);
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(width * scale);
    canvas.height = Math.round(height * scale);
    const context = canvas.getContext('2d');
    if (!context) throw new Error('This browser cannot draw on a canvas.');
    context.scale(scale, scale);
    context.drawImage(image, 0, 0, width, height);
    return await new Promise<Blob>((resolve, reject) => {
      canvas.toBlob(
        (blob) => (blob ? resolve(blob) : reject(new Error('The PNG could not be created.'))),
        'image/png',
      );
    });
  } finally {
    if (!dataUrl) URL.revokeObjectURL(url);
  }
}
