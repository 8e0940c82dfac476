/** A rectangle on the page, in millimetres from the top-left corner, and the same in device pixels. */
import { mmToPx } from './paper';

export interface RectMm {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

export interface RectPx {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

export interface Frame {
  readonly mm: RectMm;
  readonly px: RectPx;
}

/** Both edges rounded, so frames that touch in millimetres touch in pixels. */
export function frame(mm: RectMm, dpi: number): Frame {
  const x0 = mmToPx(mm.x, dpi);
  const y0 = mmToPx(mm.y, dpi);
  const x1 = mmToPx(mm.x + mm.width, dpi);
  const y1 = mmToPx(mm.y + mm.height, dpi);
  return { mm, px: { x: x0, y: y0, width: x1 - x0, height: y1 - y0 } };
}

export const rect = (x: number, y: number, width: number, height: number): RectMm => ({ x, y, width, height });
