import { inflateRawSync } from 'node:zlib';
import { BadRequestError, DomainError } from '../errors.ts';
import { MAX_FILE_BYTES } from '../files/store.ts';
import { assertImageWithinLimits } from './images.ts';
import { assertZipWithinLimits } from './zip-guard.ts';

/**
 * What an uploaded file really is, decided by its CONTENT (magic bytes and structure), never by
 * its name or the MIME type the browser declared. Only the kinds an upload may be accepted as
 * are named; everything else (SVG, HTML, XLSX, plain ZIP, video, macro-enabled Word, files that
 * carry `<script`) is `other`, with a descriptive mime so messages and logs can say what it was.
 */
export type SniffKind = 'image' | 'pdf' | 'docx' | 'audio' | 'other';
export type UploadKind = Exclude<SniffKind, 'other'>;

export interface SniffResult {
  kind: SniffKind;
  /** The MIME type to store and serve the file with (for `other`, what it looked like). */
  mime: string;
  /** The extension (no dot) that matches the content. `other` never gets a dangerous one. */
  ext: string;
}

export const DOCX_MIME = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const PPTX_MIME = 'application/vnd.openxmlformats-officedocument.presentationml.presentation';
const DOCM_MIME = 'application/vnd.ms-word.document.macroEnabled.12';

const OTHER: SniffResult = { kind: 'other', mime: 'application/octet-stream', ext: 'bin' };
const other = (mime: string, ext: string): SniffResult => ({ kind: 'other', mime, ext });

/**
 * Sniffs `bytes`. `_declaredName` is accepted so call sites read naturally, and is never
 * consulted: a JPEG named `a.pdf` is a JPEG, an HTML page named `a.jpg` is `other`.
 */
export function sniffFile(bytes: Uint8Array, _declaredName: string): SniffResult {
  const found = sniffContent(bytes);
  // Polyglots: a file that is also an HTML page (e.g. a PDF or JPEG carrying `<script`) is
  // refused whatever its first bytes say, so it can never be served as something a browser
  // might render as a page.
  if (found.kind !== 'other' && containsAsciiCaseless(bytes, '<script')) return other('application/octet-stream', 'bin');
  // A PDF, image or sound that is also a readable ZIP archive (PDF+ZIP, GIFAR-style) is refused
  // too: what an unzip tool would find inside was never checked.
  if (found.kind !== 'other' && found.kind !== 'docx' && endsWithZipDirectory(bytes)) return other('application/zip', 'zip');
  return found;
}

function sniffContent(b: Uint8Array): SniffResult {
  if (b.length === 0) return OTHER;
  // Images
  if (b.length >= 4 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return { kind: 'image', mime: 'image/jpeg', ext: 'jpg' };
  if (b.length >= 33 && ascii(b, 0, '\x89PNG\r\n\x1a\n') && ascii(b, 12, 'IHDR')) return { kind: 'image', mime: 'image/png', ext: 'png' };
  if (b.length >= 13 && (ascii(b, 0, 'GIF87a') || ascii(b, 0, 'GIF89a'))) return { kind: 'image', mime: 'image/gif', ext: 'gif' };
  if (b.length >= 12 && ascii(b, 0, 'RIFF')) {
    if (ascii(b, 8, 'WEBP')) {
      return b.length >= 30 && (ascii(b, 12, 'VP8 ') || ascii(b, 12, 'VP8L') || ascii(b, 12, 'VP8X'))
        ? { kind: 'image', mime: 'image/webp', ext: 'webp' }
        : OTHER;
    }
    if (ascii(b, 8, 'WAVE')) return { kind: 'audio', mime: 'audio/wav', ext: 'wav' };
    if (ascii(b, 8, 'AVI ')) return other('video/x-msvideo', 'avi');
    return OTHER;
  }
  // Documents
  if (ascii(b, 0, '%PDF-')) return { kind: 'pdf', mime: 'application/pdf', ext: 'pdf' };
  if (ascii(b, 0, 'PK\x03\x04')) return sniffZip(b);
  // Audio
  if (ascii(b, 0, 'OggS')) return sniffOgg(b);
  if (b.length >= 12 && ascii(b, 4, 'ftyp')) return sniffIsoMedia(b);
  if (ascii(b, 0, 'ID3')) return sniffId3(b);
  const mpeg = mpegFrameAt(b, 0);
  if (mpeg && isMpegStream(b, 0)) return { kind: 'audio', mime: 'audio/mpeg', ext: mpeg.layer === 3 ? 'mp3' : 'mp2' };
  if (ascii(b, 0, 'fLaC')) return other('audio/flac', 'flac');
  return sniffMarkup(b);
}

// ---------------------------------------------------------------------------------------------
// ZIP containers (DOCX, XLSX, PPTX, plain ZIP)

export interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  /** As the central directory declares it: a bomb may lie, so readers check what inflates. */
  uncompressedSize: number;
  localOffset: number;
}

function sniffZip(b: Uint8Array): SniffResult {
  const entries = zipEntries(b);
  if (!entries) return OTHER; // truncated or not a readable ZIP
  const names = new Set(entries.map((e) => e.name));
  const contentTypes = entries.find((e) => e.name === '[Content_Types].xml');
  if (contentTypes && names.has('word/document.xml')) {
    const types = zipEntryText(b, contentTypes);
    if (types === null || !types.includes('wordprocessingml')) return other('application/zip', 'zip');
    // Macros: a .docm renamed .docx, or a vbaProject part declared under any name.
    if (/macroEnabled|vbaProject/i.test(types) || [...names].some((n) => /vbaProject\.bin$/i.test(n))) return other(DOCM_MIME, 'docm');
    return { kind: 'docx', mime: DOCX_MIME, ext: 'docx' };
  }
  if (contentTypes && names.has('xl/workbook.xml')) return other(XLSX_MIME, 'xlsx');
  if (contentTypes && names.has('ppt/presentation.xml')) return other(PPTX_MIME, 'pptx');
  return other('application/zip', 'zip');
}

/**
 * Whether the file ends with a ZIP directory, wherever the archive starts: unzip tools find an
 * archive appended to other data by the end record and the directory just before it, whatever
 * offsets the (unadjusted) records say.
 */
function endsWithZipDirectory(b: Uint8Array): boolean {
  const eocd = lastIndexOfSignature(b, 0x06054b50, 22, 22 + 0xffff);
  if (eocd < 0) return false;
  const directoryStart = eocd - u32le(b, eocd + 12);
  return directoryStart >= 0 && u32le(b, directoryStart) === 0x02014b50;
}

/** Entries of the ZIP's central directory, or null when it cannot be read. */
export function zipEntries(b: Uint8Array): ZipEntry[] | null {
  const eocd = lastIndexOfSignature(b, 0x06054b50, 22, 22 + 0xffff);
  if (eocd < 0) return null;
  let count = u16le(b, eocd + 10);
  let size = u32le(b, eocd + 12);
  let offset = u32le(b, eocd + 16);
  if (count === 0xffff || size === 0xffffffff || offset === 0xffffffff) {
    // ZIP64: the locator sits just before the end record.
    const locator = eocd - 20;
    if (locator < 0 || u32le(b, locator) !== 0x07064b50) return null;
    const z64 = Number(u64le(b, locator + 8));
    if (!(z64 >= 0 && z64 + 56 <= b.length) || u32le(b, z64) !== 0x06064b50) return null;
    count = Number(u64le(b, z64 + 32));
    size = Number(u64le(b, z64 + 40));
    offset = Number(u64le(b, z64 + 48));
  }
  if (count > 50_000 || offset + size > b.length) return null;
  const entries: ZipEntry[] = [];
  const decoder = new TextDecoder('utf-8');
  let p = offset;
  for (let i = 0; i < count; i++) {
    if (p + 46 > b.length || u32le(b, p) !== 0x02014b50) return null;
    const nameLength = u16le(b, p + 28);
    const extraLength = u16le(b, p + 30);
    const commentLength = u16le(b, p + 32);
    if (p + 46 + nameLength > b.length) return null;
    entries.push({
      name: decoder.decode(b.subarray(p + 46, p + 46 + nameLength)),
      method: u16le(b, p + 10),
      compressedSize: u32le(b, p + 20),
      uncompressedSize: u32le(b, p + 24),
      localOffset: u32le(b, p + 42),
    });
    p += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** The compressed bytes of an entry, found through its local header, or null when out of bounds. */
export function zipEntryData(b: Uint8Array, entry: ZipEntry): Uint8Array | null {
  const p = entry.localOffset;
  if (p + 30 > b.length || u32le(b, p) !== 0x04034b50) return null;
  const start = p + 30 + u16le(b, p + 26) + u16le(b, p + 28);
  const end = start + entry.compressedSize;
  if (end > b.length || entry.compressedSize === 0xffffffff) return null;
  return b.subarray(start, end);
}

/** The text of a small entry (stored or deflated), at most 1 MB, or null. */
function zipEntryText(b: Uint8Array, entry: ZipEntry): string | null {
  const data = zipEntryData(b, entry);
  if (!data) return null;
  try {
    if (entry.method === 0) return Buffer.from(data).toString('utf8');
    if (entry.method === 8) return inflateRawSync(data, { maxOutputLength: 1024 * 1024 }).toString('utf8');
  } catch {
    return null;
  }
  return null;
}

function lastIndexOfSignature(b: Uint8Array, signature: number, minFromEnd: number, maxFromEnd: number): number {
  const stop = Math.max(0, b.length - maxFromEnd);
  for (let i = b.length - minFromEnd; i >= stop; i--) {
    if (u32le(b, i) === signature) return i;
  }
  return -1;
}

// ---------------------------------------------------------------------------------------------
// Audio

function sniffOgg(b: Uint8Array): SniffResult {
  if (b.length < 28 || b[4] !== 0) return OTHER;
  const segments = b[26]!;
  const packet = 27 + segments;
  if (packet + 8 > b.length) return OTHER;
  if (ascii(b, packet, '\x01vorbis') || ascii(b, packet, '\x7fFLAC') || ascii(b, packet, 'Speex   ')) {
    return { kind: 'audio', mime: 'audio/ogg', ext: 'ogg' };
  }
  if (ascii(b, packet, 'OpusHead')) return { kind: 'audio', mime: 'audio/ogg', ext: 'opus' };
  if (ascii(b, packet, '\x80theora')) return other('video/ogg', 'ogv');
  return OTHER;
}

const AUDIO_MAJOR_BRANDS = new Set(['M4A ', 'M4B ']);
const GENERIC_MP4_BRANDS = new Set(['mp42', 'mp41', 'isom', 'iso2', 'iso4', 'iso5', 'iso6', 'dash']);

/** ISO base media (ftyp box): M4A audio is accepted, MP4 only when its tracks are all sound. */
function sniffIsoMedia(b: Uint8Array): SniffResult {
  const boxSize = u32be(b, 0);
  if (boxSize < 16 || boxSize > b.length || boxSize > 4096) return OTHER;
  const major = latin1(b, 8, 4);
  const brands = [major];
  for (let p = 16; p + 4 <= boxSize; p += 4) brands.push(latin1(b, p, 4));
  const handlers = trackHandlers(b);
  if (handlers.has('vide')) return other('video/mp4', 'mp4');
  if (AUDIO_MAJOR_BRANDS.has(major)) return { kind: 'audio', mime: 'audio/mp4', ext: 'm4a' };
  if (GENERIC_MP4_BRANDS.has(major) || brands.some((brand) => AUDIO_MAJOR_BRANDS.has(brand))) {
    return handlers.has('soun') ? { kind: 'audio', mime: 'audio/mp4', ext: 'm4a' } : other('video/mp4', 'mp4');
  }
  return OTHER; // HEIC, AVIF, QuickTime, 3GP, …
}

/** Handler types (`soun`, `vide`, …) of the `hdlr` boxes found anywhere in the file. */
function trackHandlers(b: Uint8Array): Set<string> {
  const found = new Set<string>();
  const buffer = Buffer.from(b.buffer, b.byteOffset, b.byteLength);
  for (let i = buffer.indexOf('hdlr', 0, 'latin1'); i >= 0; i = buffer.indexOf('hdlr', i + 4, 'latin1')) {
    if (i + 16 <= b.length) found.add(latin1(b, i + 12, 4));
  }
  return found;
}

function sniffId3(b: Uint8Array): SniffResult {
  // ID3v2 header: "ID3", version 2–4, revision, flags, 4 sync-safe size bytes.
  if (b.length < 10 || b[3]! < 2 || b[3]! > 4 || b[4] === 0xff) return OTHER;
  if ((b[6]! | b[7]! | b[8]! | b[9]!) & 0x80) return OTHER;
  const size = (b[6]! << 21) | (b[7]! << 14) | (b[8]! << 7) | b[9]!;
  const end = 10 + size + (b[5]! & 0x10 ? 10 : 0);
  if (end >= b.length) return end === b.length ? { kind: 'audio', mime: 'audio/mpeg', ext: 'mp3' } : OTHER;
  if (ascii(b, end, 'fLaC')) return other('audio/flac', 'flac');
  // Some encoders leave padding or junk between the tag and the first frame.
  const limit = Math.min(b.length, end + 4096);
  for (let p = end; p < limit; p++) {
    if (b[p] === 0xff && isMpegStream(b, p)) return { kind: 'audio', mime: 'audio/mpeg', ext: mpegFrameAt(b, p)!.layer === 3 ? 'mp3' : 'mp2' };
  }
  return OTHER;
}

const BITRATES_V1_L2 = [0, 32, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320, 384];
const BITRATES_V1_L3 = [0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320];
const BITRATES_V2 = [0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160];
const SAMPLE_RATES: Record<number, number[]> = { 3: [44100, 48000, 32000], 2: [22050, 24000, 16000], 0: [11025, 12000, 8000] };

/** An MPEG audio (layer II or III) frame header at `p`, with the frame's length. */
function mpegFrameAt(b: Uint8Array, p: number): { layer: 2 | 3; length: number } | null {
  if (p + 4 > b.length || b[p] !== 0xff || (b[p + 1]! & 0xe0) !== 0xe0) return null;
  const version = (b[p + 1]! >> 3) & 3; // 3 MPEG-1, 2 MPEG-2, 0 MPEG-2.5, 1 reserved
  const layerBits = (b[p + 1]! >> 1) & 3; // 1 layer III, 2 layer II, 3 layer I, 0 reserved (ADTS)
  const bitrateIndex = b[p + 2]! >> 4;
  const rateIndex = (b[p + 2]! >> 2) & 3;
  const padding = (b[p + 2]! >> 1) & 1;
  if (version === 1 || (layerBits !== 1 && layerBits !== 2) || bitrateIndex === 0 || bitrateIndex === 15 || rateIndex === 3) return null;
  const layer = layerBits === 1 ? 3 : 2;
  const table = version === 3 ? (layer === 3 ? BITRATES_V1_L3 : BITRATES_V1_L2) : BITRATES_V2;
  const bitrate = table[bitrateIndex]! * 1000;
  const sampleRate = SAMPLE_RATES[version]![rateIndex]!;
  const coefficient = layer === 3 && version !== 3 ? 72 : 144;
  return { layer, length: Math.floor((coefficient * bitrate) / sampleRate) + padding };
}

/** A frame at `p` followed by another frame, an ID3v1 tag or the end of the file: real MPEG audio, not chance bytes. */
function isMpegStream(b: Uint8Array, p: number): boolean {
  const first = mpegFrameAt(b, p);
  if (!first) return false;
  const next = p + first.length;
  if (next > b.length) return false; // truncated inside the first frame
  if (next + 4 > b.length || ascii(b, next, 'TAG')) return true;
  const second = mpegFrameAt(b, next);
  return second !== null && second.layer === first.layer;
}

// ---------------------------------------------------------------------------------------------
// Markup (never accepted: SVG and HTML can carry script)

function sniffMarkup(b: Uint8Array): SniffResult {
  let start = 0;
  if (b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) start = 3;
  while (start < b.length && (b[start] === 0x20 || b[start] === 0x09 || b[start] === 0x0a || b[start] === 0x0d || b[start] === 0x0c)) start++;
  if (b[start] !== 0x3c) return OTHER; // '<'
  const head = latin1(b, start, Math.min(4096, b.length - start)).toLowerCase();
  if (/<svg[\s>/]/.test(head)) return other('image/svg+xml', 'svg');
  if (/<(!doctype\s+html|html|head|body|script|iframe|object|embed|meta)[\s>/]/.test(head)) return other('text/html', 'html');
  if (head.startsWith('<?xml')) return other('application/xml', 'xml');
  return other('text/plain', 'txt');
}

// ---------------------------------------------------------------------------------------------
// Accepting an upload

const KIND_LABELS: Record<UploadKind, string> = {
  image: 'ảnh JPEG, PNG, WebP, GIF',
  pdf: 'PDF',
  docx: 'Word .docx',
  audio: 'âm thanh MP3, M4A, OGG, WAV',
};

/**
 * Checks an uploaded file before it is stored: size first (413), then what its content really
 * is (415 unless one of `allowed`). Returns the sniffed kind, mime and extension to store it with.
 */
export function acceptUpload(bytes: Uint8Array, name: string, allowed: UploadKind[], maxBytes: number = MAX_FILE_BYTES): SniffResult {
  const shown = displayName(name);
  if (bytes.length === 0) throw new BadRequestError(`Tệp “${shown}” rỗng.`);
  if (bytes.length > maxBytes) {
    throw new DomainError(413, `Tệp “${shown}” vượt quá dung lượng tối đa ${formatSize(maxBytes)}.`, 'file_too_large', { size: bytes.length, maxBytes });
  }
  const sniffed = sniffFile(bytes, name);
  if (sniffed.kind === 'other' || !allowed.includes(sniffed.kind)) {
    throw new DomainError(
      415,
      `Tệp “${shown}” không đúng định dạng cho phép (${allowed.map((kind) => KIND_LABELS[kind]).join('; ')}).`,
      'unsupported_media_type',
      { detected: sniffed.mime, allowed },
    );
  }
  // A DOCX is stored and later opened by staff's Word and by importers: no ZIP bomb either.
  if (sniffed.kind === 'docx') assertZipWithinLimits(bytes);
  // An image stored as uploaded may still be a decompression bomb for whoever opens it.
  if (sniffed.kind === 'image') assertImageWithinLimits(bytes, sniffed.mime);
  return sniffed;
}

/** A file name fit for a message: NFC, no control characters, at most 120 characters. */
function displayName(name: string): string {
  // eslint-disable-next-line no-control-regex
  const clean = name.normalize('NFC').replace(/[\u0000-\u001f\u007f-\u009f]/g, '').trim();
  const chars = [...clean];
  return chars.length > 120 ? `${chars.slice(0, 119).join('')}…` : clean || 'không tên';
}

/** 20971520 → "20 MB", 1572864 → "1,5 MB", 512000 → "500 KB" (Vietnamese decimal comma). */
export function formatSize(bytes: number): string {
  const [value, unit] = bytes >= 1024 * 1024 ? [bytes / 1024 / 1024, 'MB'] : [bytes / 1024, 'KB'];
  const rounded = Math.round(value * 10) / 10;
  return `${String(rounded).replace('.', ',')} ${unit}`;
}

// ---------------------------------------------------------------------------------------------
// Byte helpers

function ascii(b: Uint8Array, offset: number, text: string): boolean {
  if (offset + text.length > b.length) return false;
  for (let i = 0; i < text.length; i++) if (b[offset + i] !== text.charCodeAt(i)) return false;
  return true;
}

function latin1(b: Uint8Array, offset: number, length: number): string {
  return Buffer.from(b.buffer, b.byteOffset + offset, Math.max(0, Math.min(length, b.length - offset))).toString('latin1');
}

/** Whether `needle` (lower-case ASCII) occurs in `b`, ignoring ASCII case. */
function containsAsciiCaseless(b: Uint8Array, needle: string): boolean {
  const buffer = Buffer.from(b.buffer, b.byteOffset, b.byteLength);
  const first = needle.charCodeAt(0);
  for (let i = buffer.indexOf(first); i >= 0 && i + needle.length <= b.length; i = buffer.indexOf(first, i + 1)) {
    let match = true;
    for (let j = 1; j < needle.length; j++) {
      if ((b[i + j]! | 0x20) !== needle.charCodeAt(j)) {
        match = false;
        break;
      }
    }
    if (match) return true;
  }
  return false;
}

const u16le = (b: Uint8Array, p: number) => (p + 2 <= b.length ? b[p]! | (b[p + 1]! << 8) : -1);
const u32le = (b: Uint8Array, p: number) => (p >= 0 && p + 4 <= b.length ? (b[p]! | (b[p + 1]! << 8) | (b[p + 2]! << 16)) + b[p + 3]! * 0x1000000 : -1);
const u32be = (b: Uint8Array, p: number) => (p + 4 <= b.length ? b[p]! * 0x1000000 + ((b[p + 1]! << 16) | (b[p + 2]! << 8) | b[p + 3]!) : -1);
const u64le = (b: Uint8Array, p: number) => (p + 8 <= b.length ? BigInt(u32le(b, p)) + (BigInt(u32le(b, p + 4)) << 32n) : -1n);
