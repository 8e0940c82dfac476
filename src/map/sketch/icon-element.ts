/** A bundled sketch picture as a DOM SVG element (for map markers; no HTML strings). */
import { ICONS, type IconId, type IconShape } from '../../sketch/sketch-icons';

const NS = 'http://www.w3.org/2000/svg';

export function iconElement(id: IconId, size: number): SVGSVGElement {
  const svg = document.createElementNS(NS, 'svg');
  svg.setAttribute('viewBox', '0 0 24 24');
  svg.setAttribute('width', String(size));
  svg.setAttribute('height', String(size));
  svg.setAttribute('aria-hidden', 'true');
  svg.dataset.icon = id;
  for (const s of ICONS[id] as readonly IconShape[]) {
    const p = document.createElementNS(NS, 'path');
    p.setAttribute('d', s.d);
    p.setAttribute('fill', s.fill ?? 'none');
    if (s.stroke) p.setAttribute('stroke', s.stroke);
    if (s.width) p.setAttribute('stroke-width', String(s.width));
    if (s.opacity !== undefined) p.setAttribute('opacity', String(s.opacity));
    p.setAttribute('stroke-linecap', 'round');
    p.setAttribute('stroke-linejoin', 'round');
    svg.appendChild(p);
  }
  return svg;
}
