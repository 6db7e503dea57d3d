import { Document, Packer, Paragraph } from 'docx';
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import JSZip from 'jszip';
import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { DomainError } from '../../src/platform/errors.ts';
import { MAX_FILE_BYTES } from '../../src/platform/files/store.ts';
import { acceptUpload, DOCX_MIME, sniffFile, type UploadKind } from '../../src/platform/media/sniff.ts';

const ascii = (text: string) => Buffer.from(text, 'latin1');
const concat = (...parts: (Buffer | Uint8Array | string)[]) => Buffer.concat(parts.map((p) => (typeof p === 'string' ? ascii(p) : Buffer.from(p))));
const u32le = (n: number) => {
  const b = Buffer.alloc(4);
  b.writeUInt32LE(n);
  return b;
};
const u32be = (n: number) => {
  const b = Buffer.alloc(4);
  b.writeUInt32BE(n);
  return b;
};

/** Two MPEG-1 layer III frames, 128 kbit/s, 44.1 kHz: 417 bytes each. */
function mpegFrames(count = 2): Buffer {
  const frame = Buffer.alloc(417);
  frame.set([0xff, 0xfb, 0x90, 0x00]);
  return Buffer.concat(Array.from({ length: count }, () => frame));
}

/** An ID3v2.3 tag (one TIT2 frame) followed by MPEG frames. */
function mp3WithId3(): Buffer {
  const title = concat('\x03', 'Thông báo'); // encoding 3 = UTF-8 (bytes written as latin1 here, content irrelevant)
  const frame = concat('TIT2', u32be(title.length), '\x00\x00', title);
  const size = frame.length;
  const syncsafe = Buffer.from([(size >> 21) & 0x7f, (size >> 14) & 0x7f, (size >> 7) & 0x7f, size & 0x7f]);
  return concat('ID3\x03\x00\x00', syncsafe, frame, mpegFrames());
}

/** The first page of an Ogg stream whose first packet is `packet`. */
function oggPage(packet: Buffer): Buffer {
  const header = Buffer.alloc(27);
  header.write('OggS', 0, 'latin1');
  header[4] = 0; // version
  header[5] = 2; // beginning of stream
  header.writeUInt32LE(0x1234, 14); // serial
  header[26] = 1; // one segment
  return Buffer.concat([header, Buffer.from([packet.length]), packet]);
}
const oggVorbis = () => oggPage(concat('\x01vorbis', Buffer.alloc(23)));

function wav(): Buffer {
  const data = Buffer.alloc(800);
  const fmt = Buffer.alloc(16);
  fmt.writeUInt16LE(1, 0); // PCM
  fmt.writeUInt16LE(1, 2); // mono
  fmt.writeUInt32LE(8000, 4);
  fmt.writeUInt32LE(16000, 8);
  fmt.writeUInt16LE(2, 12);
  fmt.writeUInt16LE(16, 14);
  const body = concat('WAVE', 'fmt ', u32le(16), fmt, 'data', u32le(data.length), data);
  return concat('RIFF', u32le(body.length), body);
}

/** An ISO media file: ftyp box, then a moov with one track of the given handler type. */
function isoMedia(major: string, handler: 'soun' | 'vide'): Buffer {
  const ftyp = concat(u32be(24), 'ftyp', major, u32be(0), major, 'isom');
  const hdlrBody = concat(u32be(0), u32be(0), handler, Buffer.alloc(12), 'Handler\x00');
  const hdlr = concat(u32be(8 + hdlrBody.length), 'hdlr', hdlrBody);
  const moov = concat(u32be(8 + hdlr.length), 'moov', hdlr);
  return concat(ftyp, moov, u32be(16), 'mdat', Buffer.alloc(8));
}

const MINIMAL_PDF = [
  '%PDF-1.4',
  '1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj',
  '2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj',
  'trailer << /Root 1 0 R >>',
  '%%EOF',
].join('\n');

const files: Record<string, Buffer> = {};

beforeAll(async () => {
  const base = () => sharp({ create: { width: 64, height: 48, channels: 3, background: '#3366cc' } });
  files.png = await base().png().toBuffer();
  files.jpeg = await base().jpeg().toBuffer();
  files.webp = await base().webp().toBuffer();
  files.webpLossless = await base().webp({ lossless: true }).toBuffer();
  files.gif = await base().gif().toBuffer();
  files.docx = await Packer.toBuffer(new Document({ sections: [{ children: [new Paragraph('Kế hoạch tuyên truyền cải cách hành chính năm 2025')] }] }));
  const workbook = new ExcelJS.Workbook();
  workbook.addWorksheet('Nhiệm vụ').addRow(['STT', 'Nội dung']);
  files.xlsx = Buffer.from(await workbook.xlsx.writeBuffer());
  const zip = new JSZip();
  zip.file('readme.txt', 'xin chào');
  files.zip = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
});

describe('sniffFile', () => {
  it('recognises images by content: JPEG, PNG, WebP (lossy and lossless), GIF', () => {
    expect(sniffFile(files.jpeg!, 'a.jpg')).toEqual({ kind: 'image', mime: 'image/jpeg', ext: 'jpg' });
    expect(sniffFile(files.png!, 'a.png')).toEqual({ kind: 'image', mime: 'image/png', ext: 'png' });
    expect(sniffFile(files.webp!, 'a.webp')).toEqual({ kind: 'image', mime: 'image/webp', ext: 'webp' });
    expect(sniffFile(files.webpLossless!, 'a.webp')).toEqual({ kind: 'image', mime: 'image/webp', ext: 'webp' });
    expect(sniffFile(files.gif!, 'a.gif')).toEqual({ kind: 'image', mime: 'image/gif', ext: 'gif' });
  });

  it('recognises PDF', () => {
    expect(sniffFile(ascii(MINIMAL_PDF), 'kehoach.pdf')).toEqual({ kind: 'pdf', mime: 'application/pdf', ext: 'pdf' });
  });

  it('recognises DOCX by its parts; XLSX, a plain ZIP and Word without [Content_Types].xml are not DOCX', async () => {
    expect(sniffFile(files.docx!, 'kehoach.docx')).toEqual({ kind: 'docx', mime: DOCX_MIME, ext: 'docx' });
    expect(sniffFile(files.xlsx!, 'kehoach.docx')).toMatchObject({ kind: 'other', ext: 'xlsx' });
    expect(sniffFile(files.zip!, 'kehoach.docx')).toEqual({ kind: 'other', mime: 'application/zip', ext: 'zip' });

    const noTypes = new JSZip();
    noTypes.file('word/document.xml', '<w:document/>');
    expect(sniffFile(await noTypes.generateAsync({ type: 'nodebuffer' }), 'a.docx').kind).toBe('other');
  });

  it('refuses a macro-enabled Word file renamed .docx', async () => {
    const zip = await JSZip.loadAsync(files.docx!);
    const types = await zip.file('[Content_Types].xml')!.async('string');
    zip.file('[Content_Types].xml', types.replace('wordprocessingml.document.main+xml', 'ms-word.document.macroEnabled.main+xml'));
    zip.file('word/vbaProject.bin', Buffer.alloc(64, 1));
    const docm = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
    expect(sniffFile(docm, 'a.docx')).toMatchObject({ kind: 'other', ext: 'docm' });
  });

  it('recognises audio: MP3 with an ID3 tag or bare frames, M4A, OGG, WAV', () => {
    expect(sniffFile(mp3WithId3(), 'loa.mp3')).toEqual({ kind: 'audio', mime: 'audio/mpeg', ext: 'mp3' });
    expect(sniffFile(mpegFrames(3), 'loa.mp3')).toEqual({ kind: 'audio', mime: 'audio/mpeg', ext: 'mp3' });
    expect(sniffFile(isoMedia('M4A ', 'soun'), 'loa.m4a')).toEqual({ kind: 'audio', mime: 'audio/mp4', ext: 'm4a' });
    expect(sniffFile(isoMedia('mp42', 'soun'), 'loa.mp4')).toEqual({ kind: 'audio', mime: 'audio/mp4', ext: 'm4a' });
    expect(sniffFile(isoMedia('isom', 'soun'), 'loa.mp4')).toEqual({ kind: 'audio', mime: 'audio/mp4', ext: 'm4a' });
    expect(sniffFile(oggVorbis(), 'loa.ogg')).toEqual({ kind: 'audio', mime: 'audio/ogg', ext: 'ogg' });
    expect(sniffFile(oggPage(concat('OpusHead', Buffer.alloc(11))), 'loa.opus')).toEqual({ kind: 'audio', mime: 'audio/ogg', ext: 'opus' });
    expect(sniffFile(wav(), 'loa.wav')).toEqual({ kind: 'audio', mime: 'audio/wav', ext: 'wav' });
  });

  it('does not take video for audio (MP4 with a video track, Ogg Theora), nor HEIC', () => {
    expect(sniffFile(isoMedia('isom', 'vide'), 'loa.m4a')).toMatchObject({ kind: 'other', mime: 'video/mp4' });
    expect(sniffFile(isoMedia('M4A ', 'vide'), 'loa.m4a')).toMatchObject({ kind: 'other', mime: 'video/mp4' });
    expect(sniffFile(oggPage(concat('\x80theora', Buffer.alloc(20))), 'loa.ogg')).toMatchObject({ kind: 'other', mime: 'video/ogg' });
    expect(sniffFile(isoMedia('heic', 'soun'), 'anh.jpg').kind).toBe('other');
  });

  it('never accepts SVG or HTML, whatever the name', () => {
    const svg = ascii('<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><circle r="4"/></svg>');
    expect(sniffFile(svg, 'logo.svg')).toEqual({ kind: 'other', mime: 'image/svg+xml', ext: 'svg' });
    expect(sniffFile(svg, 'logo.png').kind).toBe('other');
    const page = Buffer.from('\ufeff<!DOCTYPE html><html><body><script>alert(document.cookie)</script></body></html>', 'utf8');
    expect(sniffFile(page, 'anh.jpg')).toEqual({ kind: 'other', mime: 'text/html', ext: 'html' });
    expect(sniffFile(ascii('  <html><img src=x onerror=alert(1)></html>'), 'anh.jpg')).toMatchObject({ kind: 'other', mime: 'text/html' });
  });

  it('judges by content, not by name: a JPEG named .pdf is a JPEG, a PDF named .jpg is a PDF', () => {
    expect(sniffFile(files.jpeg!, 'baocao.pdf')).toEqual({ kind: 'image', mime: 'image/jpeg', ext: 'jpg' });
    expect(sniffFile(ascii(MINIMAL_PDF), 'anh.jpg')).toMatchObject({ kind: 'pdf' });
    expect(sniffFile(files.docx!, 'anh.png')).toMatchObject({ kind: 'docx' });
    expect(sniffFile(mp3WithId3(), 'tailieu.docx')).toMatchObject({ kind: 'audio' });
  });

  it('refuses polyglots that carry <script: a PDF with an HTML page inside, a JPEG with a script comment', () => {
    const pdfHtml = ascii(`${MINIMAL_PDF}\n<html><SCRIPT>alert(1)</SCRIPT></html>`);
    expect(sniffFile(pdfHtml, 'a.pdf').kind).toBe('other');
    // A JPEG COM segment holding a script, inserted after SOI.
    const comment = ascii('<script>alert(1)</script>');
    const com = concat(Buffer.from([0xff, 0xfe, 0, comment.length + 2]), comment);
    const jpegHtml = concat(files.jpeg!.subarray(0, 2), com, files.jpeg!.subarray(2));
    expect(sniffFile(jpegHtml, 'a.jpg').kind).toBe('other');
    expect(sniffFile(jpegHtml, 'a.pdf').kind).toBe('other');
  });

  it('calls empty and truncated files other', () => {
    expect(sniffFile(new Uint8Array(0), 'a.jpg')).toEqual({ kind: 'other', mime: 'application/octet-stream', ext: 'bin' });
    expect(sniffFile(files.jpeg!.subarray(0, 2), 'a.jpg').kind).toBe('other');
    expect(sniffFile(files.png!.subarray(0, 20), 'a.png').kind).toBe('other');
    expect(sniffFile(files.gif!.subarray(0, 8), 'a.gif').kind).toBe('other');
    expect(sniffFile(files.webp!.subarray(0, 14), 'a.webp').kind).toBe('other');
    expect(sniffFile(files.docx!.subarray(0, Math.floor(files.docx!.length / 2)), 'a.docx').kind).toBe('other');
    expect(sniffFile(ascii('%PDF'), 'a.pdf').kind).toBe('other');
    expect(sniffFile(mpegFrames(1).subarray(0, 200), 'a.mp3').kind).toBe('other');
    expect(sniffFile(mp3WithId3().subarray(0, 8), 'a.mp3').kind).toBe('other');
    expect(sniffFile(oggVorbis().subarray(0, 20), 'a.ogg').kind).toBe('other');
  });

  it('reads a Uint8Array view into a larger buffer at its own offset', () => {
    const padded = concat('xxxx', files.png!, 'yyyy');
    expect(sniffFile(padded.subarray(4, 4 + files.png!.length), 'a').mime).toBe('image/png');
    expect(sniffFile(new Uint8Array(padded.buffer, padded.byteOffset + 4, files.png!.length), 'a').mime).toBe('image/png');
  });

  it('does not mistake random bytes for an accepted kind', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 0, maxLength: 2048 }), (bytes) => {
        expect(sniffFile(bytes, 'x.jpg').kind).toBe('other');
      }),
      { numRuns: 500 },
    );
  });
});

describe('acceptUpload', () => {
  const failure = (fn: () => unknown): DomainError => {
    try {
      fn();
    } catch (err) {
      expect(err).toBeInstanceOf(DomainError);
      return err as DomainError;
    }
    throw new Error('expected a DomainError');
  };

  it('returns the sniff result when the kind is allowed', () => {
    expect(acceptUpload(files.png!, 'bìa.png', ['image'])).toEqual({ kind: 'image', mime: 'image/png', ext: 'png' });
    expect(acceptUpload(files.docx!, 'kế hoạch.docx', ['pdf', 'docx'])).toMatchObject({ kind: 'docx' });
    expect(acceptUpload(mp3WithId3(), 'loa.mp3', ['audio'])).toMatchObject({ kind: 'audio', mime: 'audio/mpeg' });
  });

  it('answers 415 with a Vietnamese message naming the file and the allowed formats', () => {
    const err = failure(() => acceptUpload(files.xlsx!, 'Bảng.docx', ['pdf', 'docx']));
    expect(err.status).toBe(415);
    expect(err.code).toBe('unsupported_media_type');
    expect(err.message).toBe('Tệp “Bảng.docx” không đúng định dạng cho phép (PDF; Word .docx).');
    expect(failure(() => acceptUpload(ascii('<html><script>alert(1)</script></html>'), 'anh.jpg', ['image'])).message).toBe(
      'Tệp “anh.jpg” không đúng định dạng cho phép (ảnh JPEG, PNG, WebP, GIF).',
    );
    expect(failure(() => acceptUpload(files.jpeg!, 'baocao.pdf', ['pdf'])).status).toBe(415);
    expect(failure(() => acceptUpload(ascii(MINIMAL_PDF), 'anh.jpg', ['image', 'audio'])).message).toContain('âm thanh MP3, M4A, OGG, WAV');
  });

  it('answers 413 above the size limit (20 MB by default), before looking at the content', () => {
    const err = failure(() => acceptUpload(files.png!, 'bìa.png', ['image'], 100));
    expect(err.status).toBe(413);
    expect(err.message).toBe('Tệp “bìa.png” vượt quá dung lượng tối đa 0,1 KB.');
    const big = Buffer.alloc(MAX_FILE_BYTES + 1);
    expect(failure(() => acceptUpload(big, 'loa.wav', ['audio'])).message).toBe('Tệp “loa.wav” vượt quá dung lượng tối đa 20 MB.');
  });

  it('answers 400 to an empty file, and keeps control characters and overlong names out of messages', () => {
    expect(failure(() => acceptUpload(new Uint8Array(0), 'trống.pdf', ['pdf']))).toMatchObject({ status: 400, message: 'Tệp “trống.pdf” rỗng.' });
    const long = `${'a'.repeat(200)}\u0000\n.pdf`;
    const message = failure(() => acceptUpload(files.png!, long, ['pdf'])).message;
    expect(message.includes('\u0000') || message.includes('\n')).toBe(false);
    expect(message).toContain('…”');
    // A decomposed name (NFD) is shown in NFC.
    expect(failure(() => acceptUpload(files.png!, 'Bi\u0300a.pdf', ['pdf'])).message).toContain('“Bìa.pdf”');
  });

  it('allows exactly the kinds listed', () => {
    const samples: Record<UploadKind, Buffer> = { image: files.gif!, pdf: ascii(MINIMAL_PDF), docx: files.docx!, audio: wav() };
    const kinds = Object.keys(samples) as UploadKind[];
    for (const kind of kinds) {
      for (const allowed of kinds) {
        const run = () => acceptUpload(samples[kind], `tep.${kind}`, [allowed]);
        if (kind === allowed) expect(run().kind).toBe(kind);
        else expect(failure(run).status).toBe(415);
      }
    }
  });
});
