/**
 * The PNG surface: the same page drawn on a canvas of the page's pixel size (millimetres × dpi / 25.4),
 * text in the page's own Noto fonts (loaded for the page's text first, so nothing falls back), the map
 * drawn from its canvas (not from the JPEG), the PNG stamped with its dpi.
 */
import type { PageImage, PageSurface, ShapeStyle, TextStyle } from './surface';
import { withDpi } from './png-dpi';

const FAMILY = "'Noto Sans', 'Noto Sans SC', sans-serif";
const css = (c: readonly number[], a = 1) => `rgba(${c[0]}, ${c[1]}, ${c[2]}, ${a})`;

export interface CanvasSurface extends PageSurface {
  readonly canvas: HTMLCanvasElement;
  png(): Promise<Uint8Array>;
}

export async function createCanvasSurface(widthPx: number, heightPx: number, dpi: number, texts: readonly string[]): Promise<CanvasSurface> {
  const chars = [...new Set(texts.join(''))].join('');
  await Promise.all(['Noto Sans', 'Noto Sans SC'].map((f) => document.fonts.load(`400 16px '${f}'`, chars).catch(() => [])));
  const canvas = document.createElement('canvas');
  canvas.width = widthPx;
  canvas.height = heightPx;
  const ctx = canvas.getContext('2d')!;
  const k = dpi / 25.4;
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, widthPx, heightPx);
  ctx.scale(k, k);
  ctx.lineJoin = 'round';
  const font = (size: number) => `${(size * 25.4) / 72}px ${FAMILY}`;
  const shape = (st: ShapeStyle, path: Path2D) => {
    if (st.fill) {
      ctx.fillStyle = css(st.fill, st.fillOpacity ?? 1);
      ctx.fill(path, 'evenodd');
    }
    if (st.stroke) {
      ctx.strokeStyle = css(st.stroke);
      ctx.lineWidth = st.lineWidth ?? 0.2;
      ctx.stroke(path);
    }
  };
  return {
    canvas,
    text(s, x, y, st: TextStyle) {
      ctx.font = font(st.size);
      ctx.fillStyle = css(st.color ?? [0, 0, 0]);
      ctx.textAlign = st.align ?? 'left';
      ctx.textBaseline = 'alphabetic';
      ctx.fillText(s, x, y);
    },
    textWidth(s, size) {
      ctx.font = font(size);
      return ctx.measureText(s).width;
    },
    rect(x, y, w, h, st) {
      const p = new Path2D();
      p.rect(x, y, w, h);
      shape(st, p);
    },
    path(rings, st, closed = true) {
      const p = new Path2D();
      for (const ring of rings) {
        ring.forEach(([x, y], i) => (i === 0 ? p.moveTo(x, y) : p.lineTo(x, y)));
        if (closed) p.closePath();
      }
      shape(closed ? st : { ...st, fill: undefined }, p);
    },
    image(img: PageImage, x, y, w, h) {
      if (img.source) ctx.drawImage(img.source, x, y, w, h);
    },
    clip(x, y, w, h) {
      ctx.save();
      const p = new Path2D();
      p.rect(x, y, w, h);
      ctx.clip(p);
    },
    unclip() {
      ctx.restore();
    },
    addPage() {
      throw new Error('export.png-one-page');
    },
    async png() {
      const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
      if (!blob) throw new Error('export.encode-failed');
      return withDpi(new Uint8Array(await blob.arrayBuffer()), dpi);
    },
  };
}
