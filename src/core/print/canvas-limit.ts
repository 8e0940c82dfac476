/**
 * The map is drawn into one WebGL canvas at the print size, so its pixel size must fit what the browser can
 * render. Too big is refused with a code the UI translates, never silently drawn smaller: a page that says
 * 300 dpi must be 300 dpi. The renderer passes the real limits (WebGL `MAX_TEXTURE_SIZE`,
 * `MAX_RENDERBUFFER_SIZE`, `MAX_VIEWPORT_DIMS`, the smallest); the defaults are what Chromium guarantees on
 * common desktop GPUs: 16384 px a side (MAX_TEXTURE_SIZE) and 268,435,456 px in all (Chromium's canvas area
 * limit, 16384²).
 */
export interface CanvasLimits {
  readonly maxSide: number;
  readonly maxArea: number;
}

export const DEFAULT_CANVAS_LIMITS: CanvasLimits = { maxSide: 16384, maxArea: 268_435_456 };

export type MapSizeCheck =
  | { readonly ok: true; readonly width: number; readonly height: number }
  | { readonly ok: false; readonly code: 'print.map-too-large' | 'print.map-size-invalid'; readonly params: Readonly<Record<string, number>> };

export function checkMapSize(width: number, height: number, limits: CanvasLimits = DEFAULT_CANVAS_LIMITS): MapSizeCheck {
  if (!Number.isInteger(width) || !Number.isInteger(height) || width < 1 || height < 1) {
    return { ok: false, code: 'print.map-size-invalid', params: { width, height } };
  }
  if (width > limits.maxSide || height > limits.maxSide || width * height > limits.maxArea) {
    return { ok: false, code: 'print.map-too-large', params: { width, height, maxSide: limits.maxSide, maxArea: limits.maxArea } };
  }
  return { ok: true, width, height };
}
