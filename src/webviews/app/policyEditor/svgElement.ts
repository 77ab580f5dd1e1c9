// SVG elements for the preview's drawings: attributes only (the CSP allows no inline styles),
// coordinates rounded to a tenth of a pixel.
const svgNs = 'http://www.w3.org/2000/svg';

export function svgRoot(id: string, labelledBy: string): SVGSVGElement {
  const svg = document.createElementNS(svgNs, 'svg');
  svg.id = id;
  svg.setAttribute('role', 'img');
  svg.setAttribute('aria-labelledby', labelledBy);
  return svg;
}

export function svgElement(tag: string, attrs: Record<string, string | number>, text?: string): SVGElement {
  const element = document.createElementNS(svgNs, tag);
  for (const [key, value] of Object.entries(attrs)) element.setAttribute(key, typeof value === 'number' ? String(Math.round(value * 10) / 10) : value);
  if (text !== undefined) element.textContent = text;
  return element;
}
