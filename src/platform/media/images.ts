import sharp, { type SharpOptions } from 'sharp';
import { DomainError } from '../errors.ts';
import { MAX_FILE_BYTES } from '../files/store.ts';
import { formatSize, sniffFile } from './sniff.ts';

/** Largest image decoded, in pixels (width × height). A 40 MP photo is ~160 MB decoded as RGBA. */
export const IMAGE_MAX_PIXELS = 40_000_000;
/** Longest side accepted (also the WebP format's own limit). */
export const IMAGE_MAX_SIDE = 16_383;
/** Widths of the WebP variants, never larger than the original. */
export const IMAGE_VARIANT_WIDTHS = [320, 640, 960, 1280] as const;
/** Width of the single JPEG fallback (or the original width if smaller). */
export const IMAGE_FALLBACK_WIDTH = 960;
const WEBP_QUALITY = 75;
const JPEG_QUALITY = 80;
/** Seconds after which one sharp pipeline gives up. */
const PIPELINE_TIMEOUT_SECONDS = 30;

export interface ImageVariant {
  width: number;
  height: number;
  mime: 'image/webp' | 'image/jpeg';
  bytes: Buffer;
}

export interface ProcessedImage {
  /** Dimensions of the original after EXIF orientation. */
  width: number;
  height: number;
  /** WebP variants by ascending width, then the one JPEG fallback. */
  variants: ImageVariant[];
}

type ImageFormat = 'jpeg' | 'png' | 'gif' | 'webp';
const FORMAT_OF_MIME: Record<string, ImageFormat> = { 'image/jpeg': 'jpeg', 'image/png': 'png', 'image/gif': 'gif', 'image/webp': 'webp' };

const notAnImage = () => new DomainError(415, 'Tệp không phải là ảnh JPEG, PNG, WebP hoặc GIF.', 'unsupported_media_type');
const corrupt = () => new DomainError(415, 'Tệp ảnh bị hỏng hoặc không đọc được.', 'image_corrupt');
const animated = () => new DomainError(415, 'Không nhận ảnh động (GIF, PNG hoặc WebP nhiều khung hình); hãy tải lên ảnh tĩnh.', 'image_animated');
const tooLarge = (width: number, height: number) =>
  new DomainError(
    413,
    `Ảnh quá lớn (${width.toLocaleString('vi-VN')} × ${height.toLocaleString('vi-VN')} điểm ảnh): chỉ nhận ảnh tối đa ${IMAGE_MAX_PIXELS / 1_000_000} triệu điểm ảnh, mỗi chiều không quá ${IMAGE_MAX_SIDE.toLocaleString('vi-VN')} điểm ảnh.`,
    'image_too_large',
    { width, height, maxPixels: IMAGE_MAX_PIXELS, maxSide: IMAGE_MAX_SIDE },
  );

/**
 * Turns an uploaded image into what the portal serves: metadata stripped (EXIF, GPS, XMP, ICC
 * converted to sRGB), rotated by its EXIF orientation, WebP at the responsive widths plus one
 * JPEG fallback. Refuses, with a 413/415 DomainError and never a 500: non-images (by content),
 * decompression bombs (declared dimensions are read from the header before anything is
 * decoded, and sharp's `limitInputPixels` backs that up), animated images, corrupt files.
 */
export async function processImage(bytes: Uint8Array): Promise<ProcessedImage> {
  if (bytes.length > MAX_FILE_BYTES) throw new DomainError(413, `Tệp ảnh vượt quá dung lượng tối đa ${formatSize(MAX_FILE_BYTES)}.`, 'file_too_large');
  const sniffed = sniffFile(bytes, '');
  const format = sniffed.kind === 'image' ? FORMAT_OF_MIME[sniffed.mime] : undefined;
  if (!format) throw notAnImage();

  // 1. The header, before any decoding: a 20000 × 20000 PNG of a few KB stops here.
  const header = readImageHeader(bytes, format);
  if (!header) throw corrupt();
  checkDimensions(header.width, header.height);
  if (header.animated) throw animated();

  // 2. sharp's own reading of the header (limits enforced again, frames counted).
  const input = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const options: SharpOptions = { limitInputPixels: IMAGE_MAX_PIXELS, failOn: 'error', animated: false, sequentialRead: true };
  const meta = await run(() => sharp(input, options).metadata());
  if (meta.format !== format) throw corrupt();
  if ((meta.pages ?? 1) > 1) throw animated();
  checkDimensions(meta.width, meta.height);
  const width = meta.autoOrient.width;
  const height = meta.autoOrient.height;

  // 3. One decode of the original, oriented, in sRGB and at most as wide as the widest variant,
  // kept as raw 8-bit pixels (no metadata; alpha unpremultiplied, as sharp writes raw output);
  // every variant is cut from it. PNG and GIF cannot shrink on load, so decoding the original
  // once keeps a 36 MP upload to one pass and modest memory.
  const widths = variantWidths(width);
  const base = await run(() =>
    sharp(input, { ...options, autoOrient: true })
      .timeout({ seconds: PIPELINE_TIMEOUT_SECONDS })
      .resize({ width: widths[widths.length - 1]!, withoutEnlargement: true })
      .toColourspace('srgb')
      .raw({ depth: 'uchar' })
      .toBuffer({ resolveWithObject: true }),
  );
  const raw = { width: base.info.width, height: base.info.height, channels: base.info.channels, premultiplied: false };
  const fallbackWidth = Math.min(IMAGE_FALLBACK_WIDTH, width);
  const encode = (target: number, mime: ImageVariant['mime']) =>
    run(async () => {
      const resized = sharp(base.data, { raw }).timeout({ seconds: PIPELINE_TIMEOUT_SECONDS }).resize({ width: target, withoutEnlargement: true });
      const image = mime === 'image/webp' ? resized.webp({ quality: WEBP_QUALITY }) : resized.flatten({ background: '#ffffff' }).jpeg({ quality: JPEG_QUALITY, progressive: true });
      const { data, info } = await image.toBuffer({ resolveWithObject: true });
      return { width: info.width, height: info.height, mime, bytes: data } satisfies ImageVariant;
    });
  const variants = await Promise.all([...widths.map((w) => encode(w, 'image/webp')), encode(fallbackWidth, 'image/jpeg')]);
  return { width, height, variants };
}

/** [320, 640, 960, 1280] up to the original width; an original narrower than 1280 is itself the widest variant. */
export function variantWidths(originalWidth: number): number[] {
  const widest = Math.min(originalWidth, IMAGE_VARIANT_WIDTHS[IMAGE_VARIANT_WIDTHS.length - 1]!);
  return [...IMAGE_VARIANT_WIDTHS.filter((w) => w < widest), widest];
}

/**
 * For images stored as uploaded, without variants (event photos, screenshots): a header that
 * claims more pixels than `processImage` would decode is refused (413) before any browser or
 * tool decodes it. A header this reader does not understand is left to the upload's own rules.
 */
export function assertImageWithinLimits(bytes: Uint8Array, mime: string): void {
  const format = FORMAT_OF_MIME[mime];
  const header = format ? readImageHeader(bytes, format) : null;
  if (header && header.width > 0 && header.height > 0) checkDimensions(header.width, header.height);
}

function checkDimensions(width: number, height: number): void {
  if (!(width > 0 && height > 0)) throw corrupt();
  if (width > IMAGE_MAX_SIDE || height > IMAGE_MAX_SIDE || width * height > IMAGE_MAX_PIXELS) throw tooLarge(width, height);
}

/** Runs a sharp call; its failures become 413 (pixel limit) or 415 (anything else). */
async function run<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (err) {
    if (err instanceof DomainError) throw err;
    const message = err instanceof Error ? err.message : String(err);
    if (/pixel limit/i.test(message)) throw new DomainError(413, `Ảnh quá lớn: chỉ nhận ảnh tối đa ${IMAGE_MAX_PIXELS / 1_000_000} triệu điểm ảnh.`, 'image_too_large');
    throw corrupt();
  }
}

// ---------------------------------------------------------------------------------------------
// Header dimensions, read without decoding

export interface ImageHeader {
  width: number;
  height: number;
  /** APNG (acTL chunk) or animated WebP (VP8X flag); animated GIFs are counted by sharp. */
  animated: boolean;
}

/** The dimensions an image's header declares, or null when the header cannot be read. */
export function readImageHeader(b: Uint8Array, format: ImageFormat): ImageHeader | null {
  switch (format) {
    case 'png':
      return readPngHeader(b);
    case 'gif':
      return b.length >= 10 ? { width: b[6]! | (b[7]! << 8), height: b[8]! | (b[9]! << 8), animated: false } : null;
    case 'webp':
      return readWebpHeader(b);
    case 'jpeg':
      return readJpegHeader(b);
  }
}

function readPngHeader(b: Uint8Array): ImageHeader | null {
  if (b.length < 33) return null;
  const width = u32be(b, 16);
  const height = u32be(b, 20);
  // Walk the chunks up to the first IDAT: an acTL chunk there makes it an animated PNG.
  let animatedPng = false;
  for (let p = 8; p + 8 <= b.length; ) {
    const length = u32be(b, p);
    const type = String.fromCharCode(b[p + 4]!, b[p + 5]!, b[p + 6]!, b[p + 7]!);
    if (type === 'acTL') animatedPng = true;
    if (type === 'IDAT' || type === 'IEND') break;
    p += 12 + length;
  }
  return { width, height, animated: animatedPng };
}

function readWebpHeader(b: Uint8Array): ImageHeader | null {
  if (b.length < 30) return null;
  const chunk = String.fromCharCode(b[12]!, b[13]!, b[14]!, b[15]!);
  if (chunk === 'VP8X') {
    const u24 = (p: number) => b[p]! | (b[p + 1]! << 8) | (b[p + 2]! << 16);
    return { width: u24(24) + 1, height: u24(27) + 1, animated: (b[20]! & 0x02) !== 0 };
  }
  if (chunk === 'VP8L') {
    if (b[20] !== 0x2f) return null;
    const bits = (b[21]! | (b[22]! << 8) | (b[23]! << 16)) + b[24]! * 0x1000000;
    return { width: (bits & 0x3fff) + 1, height: (Math.floor(bits / 0x4000) & 0x3fff) + 1, animated: false };
  }
  if (chunk === 'VP8 ') {
    if (b[23] !== 0x9d || b[24] !== 0x01 || b[25] !== 0x2a) return null;
    return { width: (b[26]! | (b[27]! << 8)) & 0x3fff, height: (b[28]! | (b[29]! << 8)) & 0x3fff, animated: false };
  }
  return null;
}

function readJpegHeader(b: Uint8Array): ImageHeader | null {
  let p = 2;
  while (p + 4 <= b.length) {
    if (b[p] !== 0xff) return null;
    const marker = b[p + 1]!;
    if (marker === 0xff) {
      p++; // fill byte
      continue;
    }
    if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd8)) {
      p += 2; // markers without a length
      continue;
    }
    if (marker === 0xd9 || marker === 0xda) return null; // image data before any frame header
    const length = (b[p + 2]! << 8) | b[p + 3]!;
    const isFrame = marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;
    if (isFrame) {
      if (p + 9 > b.length) return null;
      return { height: (b[p + 5]! << 8) | b[p + 6]!, width: (b[p + 7]! << 8) | b[p + 8]!, animated: false };
    }
    if (length < 2) return null;
    p += 2 + length;
  }
  return null;
}

const u32be = (b: Uint8Array, p: number) => (p + 4 <= b.length ? b[p]! * 0x1000000 + ((b[p + 1]! << 16) | (b[p + 2]! << 8) | b[p + 3]!) : 0);
