/** A small drawing of the page as core/print lays it out: where the title, map, legend, inset and footer go. */
import { pageLayout, type Frame, type PageKind, type PageSpec } from '../../core/print';

const BOXES: readonly { key: 'title' | 'subtitle' | 'map' | 'legend' | 'inset' | 'scaleBar' | 'northArrow' | 'ruleSet' | 'date' | 'sources' | 'attribution' | 'pageNumber'; fill: string }[] = [
  { key: 'title', fill: '#333' },
  { key: 'subtitle', fill: '#999' },
  { key: 'map', fill: '#cfe3d4' },
  { key: 'legend', fill: '#eee' },
  { key: 'inset', fill: '#e4e4dc' },
  { key: 'scaleBar', fill: '#fff' },
  { key: 'northArrow', fill: '#fff' },
  { key: 'ruleSet', fill: '#ddd' },
  { key: 'date', fill: '#ddd' },
  { key: 'sources', fill: '#ddd' },
  { key: 'attribution', fill: '#ddd' },
  { key: 'pageNumber', fill: '#ddd' },
];

export function PagePreview({ spec, kind = 'map', title, label }: { spec: PageSpec; kind?: PageKind; title: string; label: string }) {
  const L = pageLayout(spec, kind);
  const r = (f: Frame) => f.mm;
  return (
    <svg className="page-preview" role="img" aria-label={label} viewBox={`0 0 ${L.page.widthMm} ${L.page.heightMm}`} width={spec.orientation === 'portrait' ? 140 : 198} data-testid="export-preview">
      <rect x={0} y={0} width={L.page.widthMm} height={L.page.heightMm} fill="#fff" stroke="#888" strokeWidth={1} />
      {BOXES.map(({ key, fill }) => {
        const f = r(L[key]);
        return <rect key={key} data-frame={key} x={f.x} y={f.y} width={f.width} height={f.height} fill={fill} stroke="#777" strokeWidth={0.4} />;
      })}
      {L.panel && <rect data-frame="panel" x={L.panel.mm.x} y={L.panel.mm.y} width={L.panel.mm.width} height={L.panel.mm.height} fill="#f6efd9" stroke="#777" strokeWidth={0.4} />}
      <text x={L.title.mm.x + 1} y={L.title.mm.y + 8} fontSize={7} fill="#fff">{title.slice(0, 40)}</text>
    </svg>
  );
}
