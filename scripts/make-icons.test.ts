import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { crc32, encodePng, renderIcons } from './make-icons.js';

const appPackage = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../appPackage');

interface DecodedPng {
  readonly width: number;
  readonly height: number;
  readonly colourType: number;
  readonly rgba: Uint8Array;
}

/** A strict reader for the PNGs this project writes: checks every CRC, accepts filter type 0 only. */
function decodePng(file: Buffer): DecodedPng {
  expect(file.subarray(0, 8)).toEqual(
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  );
  let offset = 8;
  let width = 0;
  let height = 0;
  let colourType = -1;
  const data: Buffer[] = [];
  let ended = false;
  while (offset < file.length && !ended) {
    const length = file.readUInt32BE(offset);
    const type = file.toString('ascii', offset + 4, offset + 8);
    const body = file.subarray(offset + 8, offset + 8 + length);
    expect(file.readUInt32BE(offset + 8 + length)).toBe(
      crc32(file.subarray(offset + 4, offset + 8 + length)),
    );
    if (type === 'IHDR') {
      width = body.readUInt32BE(0);
      height = body.readUInt32BE(4);
      expect(body[8]).toBe(8);
      colourType = body[9] ?? -1;
    } else if (type === 'IDAT') {
      data.push(body);
    } else if (type === 'IEND') {
      ended = true;
    }
    offset += 12 + length;
  }
  expect(ended).toBe(true);
  const raw = inflateSync(Buffer.concat(data));
  const stride = width * 4;
  expect(raw.length).toBe((stride + 1) * height);
  const rgba = new Uint8Array(stride * height);
  for (let y = 0; y < height; y++) {
    expect(raw[y * (stride + 1)]).toBe(0);
    rgba.set(raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1)), y * stride);
  }
  return { width, height, colourType, rgba };
}

function pixels(image: DecodedPng): [number, number, number, number][] {
  const out: [number, number, number, number][] = [];
  for (let i = 0; i < image.rgba.length; i += 4) {
    out.push([
      image.rgba[i] ?? 0,
      image.rgba[i + 1] ?? 0,
      image.rgba[i + 2] ?? 0,
      image.rgba[i + 3] ?? 0,
    ]);
  }
  return out;
}

describe('make-icons', () => {
  it('should encode pixels that decode back unchanged', () => {
    const rgba = new Uint8Array([255, 0, 0, 255, 0, 255, 0, 128, 0, 0, 255, 0, 10, 20, 30, 40]);
    const decoded = decodePng(encodePng(2, 2, rgba));
    expect(decoded).toMatchObject({ width: 2, height: 2, colourType: 6 });
    expect([...decoded.rgba]).toEqual([...rgba]);
  });

  it('should refuse a pixel buffer of the wrong size', () => {
    expect(() => encodePng(2, 2, new Uint8Array(15))).toThrow(/16 bytes/);
  });

  it('should compute the standard CRC-32', () => {
    expect(crc32(Buffer.from('123456789', 'ascii'))).toBe(0xcbf43926);
  });

  // Pixels, not bytes: another zlib build may compress the same pixels differently.
  it('should match the committed icons pixel for pixel, so they can be regenerated', () => {
    const icons = renderIcons();
    for (const [name, rendered] of [
      ['color.png', icons.color],
      ['outline.png', icons.outline],
    ] as const) {
      const committed = decodePng(readFileSync(path.join(appPackage, name)));
      const fresh = decodePng(rendered);
      expect([fresh.width, fresh.height]).toEqual([committed.width, committed.height]);
      expect(Buffer.from(fresh.rgba).equals(Buffer.from(committed.rgba))).toBe(true);
    }
  });

  it('should draw a fully opaque 192×192 colour icon with more than two colours', () => {
    const color = decodePng(readFileSync(path.join(appPackage, 'color.png')));
    expect([color.width, color.height]).toEqual([192, 192]);
    const all = pixels(color);
    expect(all.every(([, , , a]) => a === 255)).toBe(true);
    expect(new Set(all.map(([r, g, b]) => `${r},${g},${b}`)).size).toBeGreaterThan(2);
  });

  it('should draw a 32×32 outline icon that is white on transparent only', () => {
    const outline = decodePng(readFileSync(path.join(appPackage, 'outline.png')));
    expect([outline.width, outline.height]).toEqual([32, 32]);
    const all = pixels(outline);
    const visible = all.filter(([, , , a]) => a > 0);
    expect(visible.every(([r, g, b]) => r === 255 && g === 255 && b === 255)).toBe(true);
    expect(visible.length).toBeGreaterThan(all.length / 5);
    expect(all.filter(([, , , a]) => a === 0).length).toBeGreaterThan(all.length / 3);
  });
});
