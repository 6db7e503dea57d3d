import { crc32, deflateSync } from 'node:zlib';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { DomainError } from '../../src/platform/errors.ts';
import { IMAGE_MAX_PIXELS, processImage, readImageHeader, variantWidths } from '../../src/platform/media/images.ts';

async function refusal(promise: Promise<unknown>): Promise<DomainError> {
  try {
    await promise;
  } catch (err) {
    expect(err).toBeInstanceOf(DomainError);
    return err as DomainError;
  }
  throw new Error('expected processImage to refuse');
}

function pngChunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** A valid PNG that declares width × height (1-bit grey) and holds `rows` rows of zeros. */
function pngOfSize(width: number, height: number, rows = 1): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 1; // bit depth
  ihdr[9] = 0; // greyscale
  const raw = Buffer.alloc(rows * (1 + Math.ceil(width / 8)));
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', ihdr),
    pngChunk('IDAT', deflateSync(raw, { level: 9 })),
    pngChunk('IEND', Buffer.alloc(0)),
  ]);
}

/** A photo-like JPEG (noise, so the encoders have real work). */
function photo(width: number, height: number): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: '#6a8caf', noise: { type: 'gaussian', mean: 120, sigma: 40 } } })
    .jpeg({ quality: 88 })
    .toBuffer();
}

describe('processImage', () => {
  it('makes WebP variants at 320/640/960/1280 then one JPEG at 960, from a 3000×2000 photo', async () => {
    const input = await photo(3000, 2000);
    const started = performance.now();
    const result = await processImage(input);
    const elapsed = performance.now() - started;
    console.log(`3000×2000 JPEG (${(input.length / 1024).toFixed(0)} KB) → ${result.variants.length} variants in ${elapsed.toFixed(0)} ms`);
    expect(result.width).toBe(3000);
    expect(result.height).toBe(2000);
    expect(result.variants.map((v) => [v.mime, v.width, v.height])).toEqual([
      ['image/webp', 320, 213],
      ['image/webp', 640, 427],
      ['image/webp', 960, 640],
      ['image/webp', 1280, 853],
      ['image/jpeg', 960, 640],
    ]);
    for (const variant of result.variants) {
      const meta = await sharp(variant.bytes).metadata();
      expect(meta.format).toBe(variant.mime === 'image/webp' ? 'webp' : 'jpeg');
      expect([meta.width, meta.height]).toEqual([variant.width, variant.height]);
      expect(meta.space).toBe('srgb');
    }
    expect(elapsed).toBeLessThan(15_000); // a sanity bound; ~0.3–0.8 s measured on 2 cores
  });

  it('strips metadata (EXIF with GPS, XMP) and rotates by the EXIF orientation', async () => {
    // 800×400 stored, orientation 6 (rotate 90° clockwise to display): shown as 400×800.
    const input = await sharp({ create: { width: 800, height: 400, channels: 3, background: '#c00' } })
      .jpeg()
      .withMetadata({ orientation: 6 })
      .withExifMerge({ IFD0: { Make: 'Máy ảnh', Software: 'test' }, IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '21/1 16/1 0/1', GPSLongitudeRef: 'E', GPSLongitude: '106/1 12/1 0/1' } })
      .withXmp('<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"/></x:xmpmeta>')
      .toBuffer();
    const before = await sharp(input).metadata();
    expect(before.exif).toBeDefined();
    expect(before.orientation).toBe(6);

    const result = await processImage(input);
    expect([result.width, result.height]).toEqual([400, 800]);
    expect(result.variants.map((v) => [v.mime, v.width, v.height])).toEqual([
      ['image/webp', 320, 640],
      ['image/webp', 400, 800],
      ['image/jpeg', 400, 800],
    ]);
    for (const variant of result.variants) {
      const meta = await sharp(variant.bytes).metadata();
      expect(meta.exif).toBeUndefined();
      expect(meta.xmp).toBeUndefined();
      expect(meta.iptc).toBeUndefined();
      expect(meta.orientation).toBeUndefined();
      expect([meta.width, meta.height]).toEqual([400 === variant.width ? 400 : 320, 400 === variant.width ? 800 : 640]);
    }
  });

  it('never enlarges: a 200 px wide image gives only a 200 px WebP and a 200 px JPEG', async () => {
    const input = await sharp({ create: { width: 200, height: 150, channels: 3, background: '#0a0' } }).png().toBuffer();
    const result = await processImage(input);
    expect(result.variants.map((v) => [v.mime, v.width])).toEqual([
      ['image/webp', 200],
      ['image/jpeg', 200],
    ]);
    expect(result.variants.every((v) => v.width <= 200)).toBe(true);
  });

  it('keeps transparency in WebP and flattens it on white in the JPEG', async () => {
    const input = await sharp({ create: { width: 400, height: 300, channels: 4, background: { r: 0, g: 0, b: 255, alpha: 0 } } }).png().toBuffer();
    const { variants } = await processImage(input);
    const webp = variants.find((v) => v.mime === 'image/webp')!;
    expect((await sharp(webp.bytes).metadata()).hasAlpha).toBe(true);

    // Half-transparent colour keeps its values (no premultiplication mix-up on the way).
    const half = await sharp({ create: { width: 400, height: 300, channels: 4, background: { r: 200, g: 100, b: 50, alpha: 0.5 } } }).png().toBuffer();
    const halfWebp = (await processImage(half)).variants.find((v) => v.mime === 'image/webp' && v.width === 400)!;
    const pixel = [...(await sharp(halfWebp.bytes).raw().toBuffer()).subarray(0, 4)];
    [200, 100, 50, 128].forEach((expected, i) => expect(Math.abs(pixel[i]! - expected)).toBeLessThanOrEqual(4));
    const jpeg = variants.find((v) => v.mime === 'image/jpeg')!;
    const { data } = await sharp(jpeg.bytes).raw().toBuffer({ resolveWithObject: true });
    expect(Math.min(...data.subarray(0, 30))).toBeGreaterThan(245);
  });

  it('converts CMYK and greyscale to sRGB; reads GIF and WebP', async () => {
    const cmyk = await sharp({ create: { width: 500, height: 300, channels: 3, background: '#f80' } }).toColourspace('cmyk').jpeg().toBuffer();
    for (const variant of (await processImage(cmyk)).variants) expect((await sharp(variant.bytes).metadata()).space).toBe('srgb');
    const grey = await sharp({ create: { width: 500, height: 300, channels: 3, background: '#777' } }).greyscale().png().toBuffer();
    expect((await processImage(grey)).variants).toHaveLength(3);
    const gif = await sharp({ create: { width: 330, height: 100, channels: 3, background: '#123' } }).gif().toBuffer();
    expect((await processImage(gif)).variants.map((v) => v.width)).toEqual([320, 330, 330]);
    const webp = await sharp({ create: { width: 700, height: 100, channels: 3, background: '#321' } }).webp({ lossless: true }).toBuffer();
    expect((await processImage(webp)).variants.map((v) => v.width)).toEqual([320, 640, 700, 700]);
  });

  it('refuses a decompression bomb (a few KB declaring 20000×20000) with 413, fast', async () => {
    const bomb = pngOfSize(20_000, 20_000);
    expect(bomb.length).toBeLessThan(4096);
    const started = performance.now();
    const err = await refusal(processImage(bomb));
    const elapsed = performance.now() - started;
    console.log(`20000×20000 PNG bomb (${bomb.length} bytes) refused in ${elapsed.toFixed(1)} ms`);
    expect(err.status).toBe(413);
    expect(err.code).toBe('image_too_large');
    expect(err.message).toBe('Ảnh quá lớn (20.000 × 20.000 điểm ảnh): chỉ nhận ảnh tối đa 40 triệu điểm ảnh, mỗi chiều không quá 16.383 điểm ảnh.');
    expect(elapsed).toBeLessThan(1000);
  });

  it('refuses a complete, valid bomb (every row present, ~50 KB deflated) before decoding it', async () => {
    const bomb = pngOfSize(8_000, 8_000, 8_000); // 64 MP > 40 MP
    const started = performance.now();
    const err = await refusal(processImage(bomb));
    expect(err.status).toBe(413);
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it('refuses JPEG and WebP headers declaring huge sizes, and one side beyond the limit', async () => {
    const jpeg = Buffer.from(await photo(64, 48));
    const sof = jpeg.findIndex((byte, i) => byte === 0xff && jpeg[i + 1] === 0xc0);
    jpeg.writeUInt16BE(30_000, sof + 5);
    jpeg.writeUInt16BE(30_000, sof + 7);
    expect((await refusal(processImage(jpeg))).status).toBe(413);

    const webp = Buffer.from(await sharp({ create: { width: 64, height: 48, channels: 3, background: '#000' } }).webp({ lossless: true }).toBuffer());
    // VP8L: 14-bit width-1 and height-1 packed after the 0x2f signature.
    const bits = 16_000 | (16_000 << 14);
    webp.writeUInt32LE(bits >>> 0, 21);
    expect((await refusal(processImage(webp))).status).toBe(413);

    expect((await refusal(processImage(pngOfSize(20_000, 10)))).status).toBe(413);
  });

  it('refuses corrupt images with 415, never a 500', async () => {
    const png = await sharp({ create: { width: 300, height: 200, channels: 3, background: '#888', noise: { type: 'gaussian', mean: 100, sigma: 30 } } }).png().toBuffer();
    const garbled = Buffer.from(png);
    garbled.fill(0x41, 100, garbled.length - 20);
    const cases = [
      garbled,
      png.subarray(0, Math.floor(png.length / 2)), // truncated
      (await photo(300, 200)).subarray(0, 1500), // truncated JPEG
      Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(200, 0x55)]), // JPEG magic, nonsense after
      Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>'),
      Buffer.from('%PDF-1.4\n%%EOF'),
      new Uint8Array(0),
    ];
    for (const bytes of cases) {
      const err = await refusal(processImage(bytes));
      expect(err.status).toBe(415);
      expect(err.message).toMatch(/^(Tệp ảnh bị hỏng hoặc không đọc được\.|Tệp không phải là ảnh JPEG, PNG, WebP hoặc GIF\.)$/);
    }
  });

  it('refuses animated GIF, WebP and PNG with 415', async () => {
    const frame = (colour: string) => sharp({ create: { width: 40, height: 30, channels: 3, background: colour } }).png().toBuffer();
    const frames = [await frame('#f00'), await frame('#0f0')];
    const gif = await sharp(frames, { join: { animated: true } }).gif().toBuffer();
    const webp = await sharp(frames, { join: { animated: true } }).webp().toBuffer();
    // APNG: an acTL chunk before the first IDAT.
    const png = frames[0]!;
    const actl = pngChunk('acTL', Buffer.from([0, 0, 0, 2, 0, 0, 0, 0]));
    const apng = Buffer.concat([png.subarray(0, 33), actl, png.subarray(33)]);
    for (const bytes of [gif, webp, apng]) {
      const err = await refusal(processImage(bytes));
      expect(err.status).toBe(415);
      expect(err.code).toBe('image_animated');
    }
  });
});

describe('readImageHeader and variantWidths', () => {
  it('reads the declared dimensions of every accepted format', async () => {
    const base = () => sharp({ create: { width: 321, height: 123, channels: 3, background: '#abc' } });
    expect(readImageHeader(await base().jpeg().toBuffer(), 'jpeg')).toEqual({ width: 321, height: 123, animated: false });
    expect(readImageHeader(await base().png().toBuffer(), 'png')).toEqual({ width: 321, height: 123, animated: false });
    expect(readImageHeader(await base().gif().toBuffer(), 'gif')).toEqual({ width: 321, height: 123, animated: false });
    expect(readImageHeader(await base().webp().toBuffer(), 'webp')).toMatchObject({ width: 321, height: 123 });
    expect(readImageHeader(await base().webp({ lossless: true }).toBuffer(), 'webp')).toMatchObject({ width: 321, height: 123 });
    expect(readImageHeader(await base().webp().withMetadata().withExif({ IFD0: { Software: 'x' } }).toBuffer(), 'webp')).toMatchObject({ width: 321, height: 123 });
    expect(readImageHeader(Buffer.from([0xff, 0xd8, 0xff, 0xd9]), 'jpeg')).toBeNull();
  });

  it('never lists a width beyond the original or above 1280', () => {
    expect(variantWidths(3000)).toEqual([320, 640, 960, 1280]);
    expect(variantWidths(1280)).toEqual([320, 640, 960, 1280]);
    expect(variantWidths(1000)).toEqual([320, 640, 960, 1000]);
    expect(variantWidths(640)).toEqual([320, 640]);
    expect(variantWidths(200)).toEqual([200]);
    expect(IMAGE_MAX_PIXELS).toBe(40_000_000);
  });
});
