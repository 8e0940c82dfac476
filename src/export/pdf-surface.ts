/**
 * The PDF surface: jsPDF with the bundled Noto fonts embedded as subsets (see font-faces.ts), text as real
 * text (Identity-H with a ToUnicode map, so Chinese is selectable and searchable), the map as a JPEG
 * image. Creation date and file id are fixed from the export date, so the same date gives the same bytes.
 */
import { GState, jsPDF } from 'jspdf';
import { PRINT_FACES, subsetTag, textRuns, type FontFace } from './font-faces';
import type { PageImage, PageSurface, ShapeStyle, TextStyle } from './surface';
import { PT_MM } from './surface';
import { woffToSfnt } from './woff';

/** The TrueType bytes of a face as jsPDF's VFS wants them (a binary string), or an error code. */
export type FaceLoader = (face: FontFace) => Promise<Uint8Array>;

const ttfCache = new Map<string, string>();

async function binaryTtf(face: FontFace, load: FaceLoader): Promise<string> {
  const cached = ttfCache.get(face.file);
  if (cached) return cached;
  const r = woffToSfnt(await load(face));
  if (!r.ok) throw new Error(`${r.code}: ${face.file}`);
  let s = '';
  for (let i = 0; i < r.sfnt.length; i += 0x8000) s += String.fromCharCode(...r.sfnt.subarray(i, i + 0x8000));
  ttfCache.set(face.file, s);
  return s;
}

export interface PdfSurfaceOptions {
  readonly widthMm: number;
  readonly heightMm: number;
  /** Every string the document will draw: decides which font files are loaded. */
  readonly texts: readonly string[];
  readonly loadFace: FaceLoader;
  /** The export date: the PDF's creation date and the seed of its file id. */
  readonly date: Date;
  readonly title: string;
}

export interface PdfSurface extends PageSurface {
  readonly doc: jsPDF;
  bytes(): Uint8Array;
}

/** A hex id from the date and title (FNV-1a): fixed for the same inputs, not random like jsPDF's default. */
function fileId(seed: string): string {
  let out = '';
  for (let k = 0; k < 4; k++) {
    let h = 0x811c9dc5 ^ k;
    for (let i = 0; i < seed.length; i++) h = Math.imul(h ^ seed.charCodeAt(i), 0x01000193) >>> 0;
    out += h.toString(16).padStart(8, '0');
  }
  return out.toUpperCase();
}

export async function createPdfSurface(o: PdfSurfaceOptions): Promise<PdfSurface> {
  const landscape = o.widthMm > o.heightMm;
  const doc = new jsPDF({ unit: 'mm', format: [Math.min(o.widthMm, o.heightMm), Math.max(o.widthMm, o.heightMm)], orientation: landscape ? 'landscape' : 'portrait', compress: true, putOnlyUsedFonts: true });
  const needed = new Set<number>([0]);
  for (const t of o.texts) for (const r of textRuns(t)) needed.add(r.face);
  const names = new Map<number, string>();
  for (const i of [...needed].sort((a, b) => a - b)) {
    const face = PRINT_FACES[i];
    const name = `${subsetTag(i)}+${face.pkg === 'noto-sans' ? 'NotoSans' : 'NotoSansSC'}`;
    doc.addFileToVFS(`${name}.ttf`, await binaryTtf(face, o.loadFace));
    doc.addFont(`${name}.ttf`, name, 'normal', 'Identity-H');
    names.set(i, name);
  }
  const fontOf = (face: number) => names.get(face) ?? names.get(0)!;
  doc.setCreationDate(o.date);
  doc.setFileId(fileId(`${o.date.toISOString()}|${o.title}`));
  doc.setDocumentProperties({ title: o.title, creator: 'cfc-planner' });
  doc.setLineJoin('round');

  const runsWidth = (s: string, size: number) => {
    doc.setFontSize(size);
    let w = 0;
    for (const r of textRuns(s)) {
      doc.setFont(fontOf(r.face), 'normal');
      w += doc.getTextWidth(r.text);
    }
    return w;
  };
  const applyShape = (st: ShapeStyle): string | null => {
    if (st.stroke) doc.setDrawColor(...st.stroke);
    if (st.fill) doc.setFillColor(...st.fill);
    doc.setLineWidth(st.lineWidth ?? 0.2);
    return st.fill && st.stroke ? 'FD' : st.fill ? 'F' : st.stroke ? 'S' : null;
  };
  const withOpacity = (st: ShapeStyle, draw: () => void) => {
    if (st.fillOpacity === undefined) return draw();
    doc.saveGraphicsState();
    doc.setGState(new GState({ opacity: st.fillOpacity }));
    draw();
    doc.restoreGraphicsState();
  };

  const surface: PdfSurface = {
    doc,
    text(s, x, y, st: TextStyle) {
      if (!s) return;
      const w = runsWidth(s, st.size);
      let cx = st.align === 'center' ? x - w / 2 : st.align === 'right' ? x - w : x;
      doc.setTextColor(...(st.color ?? [0, 0, 0]));
      for (const r of textRuns(s)) {
        doc.setFont(fontOf(r.face), 'normal');
        doc.text(r.text, cx, y);
        cx += doc.getTextWidth(r.text);
      }
    },
    textWidth: runsWidth,
    rect(x, y, w, h, st) {
      const style = applyShape(st);
      if (style) withOpacity(st, () => doc.rect(x, y, w, h, style));
    },
    path(rings, st, closed = true) {
      const style = applyShape(st);
      if (!style) return;
      withOpacity(st, () => {
        for (const ring of rings) {
          if (ring.length < 2) continue;
          doc.moveTo(ring[0][0], ring[0][1]);
          for (let i = 1; i < ring.length; i++) doc.lineTo(ring[i][0], ring[i][1]);
          if (closed) doc.close();
        }
        if (style === 'FD') doc.fillStrokeEvenOdd();
        else if (style === 'F') doc.fillEvenOdd();
        else doc.stroke();
      });
    },
    image(img: PageImage, x, y, w, h) {
      doc.addImage(img.jpeg, 'JPEG', x, y, w, h, undefined, 'NONE');
    },
    clip(x, y, w, h) {
      doc.saveGraphicsState();
      doc.rect(x, y, w, h, null);
      doc.clip();
      doc.discardPath();
    },
    unclip() {
      doc.restoreGraphicsState();
    },
    addPage() {
      doc.addPage();
    },
    bytes: () => new Uint8Array(doc.output('arraybuffer')),
  };
  return surface;
}

/** Points to millimetres for callers that lay out lines of text. */
export const lineMm = (sizePt: number, leading = 1.25): number => sizePt * PT_MM * leading;
