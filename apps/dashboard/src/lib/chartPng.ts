import { serializeSvg, type ChartToPngOptions } from '@wirelens/ui';

function loadImage(url: string): Promise<HTMLImageElement> {
  return new Promise((resolve, reject) => {
    const image = new Image();
    image.onload = () => resolve(image);
    image.onerror = () => reject(new Error('The chart could not be rendered as an image.'));
    image.src = url;
  });
}

/**
 * The UI package's `chartToPng`, but loading the SVG from a `data:` URL: the server's Content-Security-Policy
 * allows `img-src 'self' https: data:`, which blocks the `blob:` URL that `chartToPng` uses.
 */
export async function chartSvgToPng(
  svg: SVGSVGElement,
  { scale = 2, ...options }: ChartToPngOptions = {},
): Promise<Blob> {
  const { markup, width, height } = serializeSvg(svg, options);
  const image = await loadImage(`data:image/svg+xml;charset=utf-8,${encodeURIComponent(markup)}`);
  const canvas = document.createElement('canvas');
  canvas.width = Math.round(width * scale);
  canvas.height = Math.round(height * scale);
  const context = canvas.getContext('2d');
  if (!context) throw new Error('This browser cannot draw on a canvas.');
  context.scale(scale, scale);
  context.drawImage(image, 0, 0, width, height);
  return new Promise<Blob>((resolve, reject) => {
    canvas.toBlob(
      (blob) => (blob ? resolve(blob) : reject(new Error('The PNG could not be created.'))),
      'image/png',
    );
  });
}
