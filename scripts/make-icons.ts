/**
 * Draws the Teams app icons (appPackage/color.png 192×192 and appPackage/outline.png 32×32) from
 * simple vector shapes and encodes them as PNG with node:zlib, so no image library or browser is
 * needed and the output is byte-for-byte reproducible. Run: `npx tsx scripts/make-icons.ts`.
 *
 * The mark is a road running to a chequered finish flag: the last mile of an AI roll-out.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateSync } from 'node:zlib';

export interface Rgb {
  readonly r: number;
  readonly g: number;
  readonly b: number;
}

export interface Point {
  readonly x: number;
  readonly y: number;
}

/** Whether a point, in pixel coordinates (pixel centres at .5), lies inside a shape. */
export type Shape = (x: number, y: number) => boolean;

/** The colour a shape is painted with at a pixel centre; lets one fill carry a gradient. */
export type Paint = (x: number, y: number) => Rgb;

/** Edge samples per axis; 4 × 4 gives smooth anti-aliasing at icon sizes. */
const SUPERSAMPLE = 4;

export function polygon(points: readonly Point[]): Shape {
  return (x, y) => {
    // Even-odd ray casting: count crossings of a ray going right from (x, y).
    let inside = false;
    for (let i = 0, j = points.length - 1; i < points.length; j = i++) {
      const a = points[i];
      const b = points[j];
      if (a === undefined || b === undefined) continue;
      if (a.y > y !== b.y > y && x < ((b.x - a.x) * (y - a.y)) / (b.y - a.y) + a.x) {
        inside = !inside;
      }
    }
    return inside;
  };
}

export function circle(cx: number, cy: number, radius: number): Shape {
  return (x, y) => (x - cx) ** 2 + (y - cy) ** 2 <= radius ** 2;
}

export function intersect(...shapes: readonly Shape[]): Shape {
  return (x, y) => shapes.every((shape) => shape(x, y));
}

export function union(...shapes: readonly Shape[]): Shape {
  return (x, y) => shapes.some((shape) => shape(x, y));
}

export function solid(colour: Rgb): Paint {
  return () => colour;
}

export function hex(value: string): Rgb {
  const digits = /^#([0-9a-f]{6})$/i.exec(value)?.[1];
  if (digits === undefined) throw new Error(`Not a #rrggbb colour: ${value}`);
  const n = Number.parseInt(digits, 16);
  return { r: (n >> 16) & 0xff, g: (n >> 8) & 0xff, b: n & 0xff };
}

/** Linear gradient between two colours, from (x0, y0) to (x1, y1). */
export function linearGradient(from: Point, to: Point, start: Rgb, end: Rgb): Paint {
  const dx = to.x - from.x;
  const dy = to.y - from.y;
  const lengthSquared = dx * dx + dy * dy;
  return (x, y) => {
    const t = Math.min(1, Math.max(0, ((x - from.x) * dx + (y - from.y) * dy) / lengthSquared));
    return {
      r: start.r + (end.r - start.r) * t,
      g: start.g + (end.g - start.g) * t,
      b: start.b + (end.b - start.b) * t,
    };
  };
}

/** An RGBA raster with premultiplied floating-point channels (0–1), composited shape by shape. */
export class Canvas {
  private readonly pixels: Float64Array;

  constructor(
    readonly width: number,
    readonly height: number,
  ) {
    this.pixels = new Float64Array(width * height * 4);
  }

  /** Paints a shape over what is there, with the given opacity. */
  fill(shape: Shape, paint: Paint, opacity = 1): this {
    this.eachCoverage(shape, (index, coverage, x, y) => {
      const alpha = coverage * opacity;
      const colour = paint(x, y);
      const keep = 1 - alpha;
      this.pixels[index] = (colour.r / 255) * alpha + (this.pixels[index] ?? 0) * keep;
      this.pixels[index + 1] = (colour.g / 255) * alpha + (this.pixels[index + 1] ?? 0) * keep;
      this.pixels[index + 2] = (colour.b / 255) * alpha + (this.pixels[index + 2] ?? 0) * keep;
      this.pixels[index + 3] = alpha + (this.pixels[index + 3] ?? 0) * keep;
    });
    return this;
  }

  /** Cuts a shape out of what is there, leaving transparency. */
  erase(shape: Shape): this {
    this.eachCoverage(shape, (index, coverage) => {
      for (let channel = 0; channel < 4; channel++) {
        this.pixels[index + channel] = (this.pixels[index + channel] ?? 0) * (1 - coverage);
      }
    });
    return this;
  }

  /** Straight (not premultiplied) 8-bit RGBA, row by row, as PNG expects. */
  toRgba(): Uint8Array {
    const out = new Uint8Array(this.width * this.height * 4);
    for (let index = 0; index < out.length; index += 4) {
      const alpha = this.pixels[index + 3] ?? 0;
      const a = Math.round(alpha * 255);
      if (a === 0) continue;
      for (let channel = 0; channel < 3; channel++) {
        const straight = (this.pixels[index + channel] ?? 0) / alpha;
        out[index + channel] = Math.round(Math.min(1, Math.max(0, straight)) * 255);
      }
      out[index + 3] = a;
    }
    return out;
  }

  private eachCoverage(
    shape: Shape,
    apply: (index: number, coverage: number, x: number, y: number) => void,
  ): void {
    const step = 1 / SUPERSAMPLE;
    const samples = SUPERSAMPLE * SUPERSAMPLE;
    for (let py = 0; py < this.height; py++) {
      for (let px = 0; px < this.width; px++) {
        let hits = 0;
        for (let sy = 0; sy < SUPERSAMPLE; sy++) {
          for (let sx = 0; sx < SUPERSAMPLE; sx++) {
            if (shape(px + (sx + 0.5) * step, py + (sy + 0.5) * step)) hits++;
          }
        }
        if (hits > 0) apply((py * this.width + px) * 4, hits / samples, px + 0.5, py + 0.5);
      }
    }
  }
}

const CRC_TABLE = ((): Uint32Array => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

export function crc32(bytes: Uint8Array): number {
  let crc = 0xffffffff;
  for (const byte of bytes) crc = (CRC_TABLE[(crc ^ byte) & 0xff] ?? 0) ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Uint8Array): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'ascii');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

/** Encodes 8-bit straight RGBA pixels as a PNG (colour type 6, no interlace). */
export function encodePng(width: number, height: number, rgba: Uint8Array): Buffer {
  if (rgba.length !== width * height * 4) {
    throw new Error(`Expected ${width * height * 4} bytes of RGBA, got ${rgba.length}`);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bits per channel
  header[9] = 6; // RGBA
  // Bytes 10–12 stay 0: deflate compression, adaptive filtering, no interlace.

  const stride = width * 4;
  const scanlines = Buffer.alloc((stride + 1) * height);
  for (let y = 0; y < height; y++) {
    // Filter type 0 (none) keeps the encoder obviously correct; deflate still shrinks flat areas.
    scanlines[y * (stride + 1)] = 0;
    scanlines.set(rgba.subarray(y * stride, (y + 1) * stride), y * (stride + 1) + 1);
  }

  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(scanlines, { level: 9 })),
    chunk('IEND', new Uint8Array(0)),
  ]);
}

export const BRAND = {
  indigo: hex('#4f46e5'),
  indigoDeep: hex('#312e81'),
  amber: hex('#fbbf24'),
  ink: hex('#1e1b4b'),
  white: hex('#ffffff'),
} as const;

interface RoadGeometry {
  /** Road edge at the horizon (top) and at the near end (bottom). */
  readonly topY: number;
  readonly bottomY: number;
  readonly centerX: number;
  readonly topHalfWidth: number;
  readonly bottomHalfWidth: number;
}

function roadHalfWidth(road: RoadGeometry, y: number): number {
  const t = (y - road.topY) / (road.bottomY - road.topY);
  return road.topHalfWidth + (road.bottomHalfWidth - road.topHalfWidth) * t;
}

function roadShape(road: RoadGeometry): Shape {
  return polygon([
    { x: road.centerX - road.topHalfWidth, y: road.topY },
    { x: road.centerX + road.topHalfWidth, y: road.topY },
    { x: road.centerX + road.bottomHalfWidth, y: road.bottomY },
    { x: road.centerX - road.bottomHalfWidth, y: road.bottomY },
  ]);
}

/** Centre-line dashes that narrow with the road, so the road reads as running into the distance. */
function roadDashes(road: RoadGeometry, spans: readonly (readonly [number, number])[]): Shape {
  const widthShare = 0.07;
  return union(
    ...spans.map(([top, bottom]) => {
      const topHalf = roadHalfWidth(road, top) * widthShare;
      const bottomHalf = roadHalfWidth(road, bottom) * widthShare;
      return polygon([
        { x: road.centerX - topHalf, y: top },
        { x: road.centerX + topHalf, y: top },
        { x: road.centerX + bottomHalf, y: bottom },
        { x: road.centerX - bottomHalf, y: bottom },
      ]);
    }),
  );
}

interface FlagGeometry {
  readonly left: number;
  readonly top: number;
  readonly width: number;
  readonly height: number;
  readonly columns: number;
  readonly rows: number;
  /** Vertical sway of the cloth, in pixels, so the flag looks like it is flying. */
  readonly wave: number;
}

function flagOffset(flag: FlagGeometry, x: number): number {
  return flag.wave * Math.sin(((x - flag.left) / flag.width) * Math.PI * 1.5);
}

function flagCloth(flag: FlagGeometry): Shape {
  return (x, y) => {
    if (x < flag.left || x > flag.left + flag.width) return false;
    const top = flag.top + flagOffset(flag, x);
    return y >= top && y <= top + flag.height;
  };
}

/** The cells of the chequer that are not the cloth colour. */
function flagChequer(flag: FlagGeometry): Shape {
  const cellWidth = flag.width / flag.columns;
  const cellHeight = flag.height / flag.rows;
  return intersect(flagCloth(flag), (x, y) => {
    const column = Math.floor((x - flag.left) / cellWidth);
    const row = Math.floor((y - flag.top - flagOffset(flag, x)) / cellHeight);
    return (column + row) % 2 === 1;
  });
}

function rectangle(left: number, top: number, right: number, bottom: number): Shape {
  return (x, y) => x >= left && x <= right && y >= top && y <= bottom;
}

export function drawColorIcon(): Canvas {
  const size = 192;
  const road: RoadGeometry = {
    topY: 70,
    bottomY: 192,
    centerX: 84,
    topHalfWidth: 5,
    bottomHalfWidth: 66,
  };
  const flag: FlagGeometry = {
    left: 91,
    top: 30,
    width: 54,
    height: 34,
    columns: 5,
    rows: 3,
    wave: 3.5,
  };
  const poleLeft = 85;
  const poleRight = 91;

  return new Canvas(size, size)
    .fill(
      () => true,
      linearGradient({ x: 0, y: 0 }, { x: size, y: size }, BRAND.indigo, BRAND.indigoDeep),
    )
    .fill(roadShape(road), solid(BRAND.white))
    .fill(
      roadDashes(road, [
        [84, 92],
        [102, 114],
        [126, 144],
        [160, 186],
      ]),
      solid(BRAND.amber),
    )
    .fill(
      union(rectangle(poleLeft, 26, poleRight, 74), circle((poleLeft + poleRight) / 2, 25, 5)),
      solid(BRAND.white),
    )
    .fill(flagCloth(flag), solid(BRAND.white))
    .fill(flagChequer(flag), solid(BRAND.ink));
}

export function drawOutlineIcon(): Canvas {
  const size = 32;
  const road: RoadGeometry = {
    topY: 13,
    bottomY: 31,
    centerX: 13,
    topHalfWidth: 1.6,
    bottomHalfWidth: 11,
  };
  // At 32 px a chequer turns to mush, so the outline flag is plain cloth.
  const flag: FlagGeometry = {
    left: 16,
    top: 2,
    width: 13,
    height: 8.5,
    columns: 1,
    rows: 1,
    wave: 1,
  };

  return new Canvas(size, size)
    .fill(roadShape(road), solid(BRAND.white))
    .erase(
      roadDashes(road, [
        [16.5, 19],
        [22, 26.5],
      ]),
    )
    .fill(rectangle(14, 1.5, 16, 14), solid(BRAND.white))
    .fill(flagCloth(flag), solid(BRAND.white));
}

export interface IconFiles {
  readonly color: string;
  readonly outline: string;
}

export function renderIcons(): { readonly color: Buffer; readonly outline: Buffer } {
  const color = drawColorIcon();
  const outline = drawOutlineIcon();
  return {
    color: encodePng(color.width, color.height, color.toRgba()),
    outline: encodePng(outline.width, outline.height, outline.toRgba()),
  };
}

export function writeIcons(directory: string): IconFiles {
  const icons = renderIcons();
  const files = {
    color: path.join(directory, 'color.png'),
    outline: path.join(directory, 'outline.png'),
  };
  writeFileSync(files.color, icons.color);
  writeFileSync(files.outline, icons.outline);
  return files;
}

const invokedDirectly =
  process.argv[1] !== undefined && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url);

if (invokedDirectly) {
  const appPackage = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../appPackage');
  const files = writeIcons(appPackage);
  console.log(`Wrote ${files.color} and ${files.outline}`);
}
