/**
 * What a page is drawn on, in millimetres from the page's top-left corner: the PDF (jsPDF) or a canvas (PNG).
 * The page composers draw through this only, so a PDF page and its PNG are the same drawing.
 */
export type Rgb = readonly [number, number, number];

export interface TextStyle {
  /** Points (1/72 inch). */
  readonly size: number;
  readonly color?: Rgb;
  readonly align?: 'left' | 'center' | 'right';
}

export interface ShapeStyle {
  readonly fill?: Rgb;
  readonly stroke?: Rgb;
  /** Millimetres. */
  readonly lineWidth?: number;
  /** 0–1, for the fill only (neighbours greyed on an atlas page). */
  readonly fillOpacity?: number;
}

/** The map picture: JPEG bytes and its pixel size (what `pdfimages -list` reports). */
export interface PageImage {
  readonly jpeg: Uint8Array;
  readonly widthPx: number;
  readonly heightPx: number;
  /** The picture itself, for the PNG surface (drawn without the JPEG's loss). */
  readonly source?: CanvasImageSource;
}

export interface PageSurface {
  /** `y` is the text's baseline. */
  text(s: string, x: number, y: number, style: TextStyle): void;
  textWidth(s: string, size: number): number;
  rect(x: number, y: number, w: number, h: number, style: ShapeStyle): void;
  /** One or more rings (or an open line when `closed` is false), in millimetres. */
  path(rings: readonly (readonly (readonly [number, number])[])[], style: ShapeStyle, closed?: boolean): void;
  image(img: PageImage, x: number, y: number, w: number, h: number): void;
  /** Draw inside the rectangle only, until `unclip`. */
  clip(x: number, y: number, w: number, h: number): void;
  unclip(): void;
  addPage(): void;
}

/** Points → millimetres. */
export const PT_MM = 25.4 / 72;
