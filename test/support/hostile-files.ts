import { crc32, deflateRawSync } from 'node:zlib';

/**
 * Hostile uploads built in memory (nothing downloaded): ZIP bombs shaped like DOCX/XLSX, nested
 * archives, polyglots, and an image whose header claims 30000 × 30000 pixels.
 */
export interface ZipItem {
  name: string;
  data: Buffer;
  /** Size the directory claims; a lying bomb declares less than it inflates to. */
  declaredSize?: number;
}

/** A ZIP of deflated entries (sizes and CRC in the headers, no data descriptors). */
export function buildZip(items: ZipItem[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const item of items) {
    const name = Buffer.from(item.name, 'utf8');
    const packed = deflateRawSync(item.data, { level: 9 });
    const size = item.declaredSize ?? item.data.length;
    const crc = crc32(item.data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(packed.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(packed.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, packed);
    centrals.push(central, name);
    offset += local.length + name.length + packed.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(items.length, 8);
  end.writeUInt16LE(items.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

const DOCX_TYPES = '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>';
const XLSX_TYPES = '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>';

/** 120 MB of spaces: past the 100 MB the ZIP guard allows, ~120 KB once deflated. */
const HUGE = () => Buffer.alloc(120 * 1024 * 1024, 0x20);

/** A DOCX whose document part inflates to 120 MB; `lying` declares 1 KB for it. */
export function docxBomb(lying = false): Buffer {
  return buildZip([
    { name: '[Content_Types].xml', data: Buffer.from(DOCX_TYPES) },
    { name: 'word/document.xml', data: HUGE(), declaredSize: lying ? 1024 : undefined },
  ]);
}

/** An XLSX whose sheet inflates to 120 MB (declared honestly or not). */
export function xlsxBomb(lying = false): Buffer {
  return buildZip([
    { name: '[Content_Types].xml', data: Buffer.from(XLSX_TYPES) },
    { name: 'xl/workbook.xml', data: Buffer.from('<workbook/>') },
    { name: 'xl/worksheets/sheet1.xml', data: HUGE(), declaredSize: lying ? 1024 : undefined },
  ]);
}

/** A small, well-formed XLSX: the wrong type for a .docx name. */
export function smallXlsx(): Buffer {
  return buildZip([{ name: '[Content_Types].xml', data: Buffer.from(XLSX_TYPES) }, { name: 'xl/workbook.xml', data: Buffer.from('<workbook/>') }]);
}

/** A DOCX carrying an archive in an archive in an archive (each small: the nesting is the attack). */
export function nestedDocx(): Buffer {
  const inner = buildZip([{ name: 'a.zip', data: buildZip([{ name: 'b.txt', data: Buffer.from('x') }]) }]);
  return buildZip([
    { name: '[Content_Types].xml', data: Buffer.from(DOCX_TYPES) },
    { name: 'word/document.xml', data: Buffer.from('<w:document/>') },
    { name: 'word/embeddings/goi.zip', data: inner },
  ]);
}

/** A real 1×1 GIF followed by an HTML payload: an image to a sniffer, a page to a careless browser. */
export function gifHtmlPolyglot(): Buffer {
  const gif = Buffer.from('R0lGODlhAQABAIAAAP///wAAACH5BAEAAAAALAAAAAABAAEAAAICRAEAOw==', 'base64');
  return Buffer.concat([gif, Buffer.from('<html><script>window.__xss=1</script></html>')]);
}

/** A minimal PDF with a ZIP archive appended: a PDF to its first bytes, an archive to unzip. */
export function pdfZipPolyglot(): Buffer {
  const pdf = Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n');
  return Buffer.concat([pdf, buildZip([{ name: 'payload.exe', data: Buffer.from('MZ') }])]);
}

/** An SVG image carrying a script. */
export const SVG_WITH_SCRIPT = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>');

/** A PNG of a few hundred bytes whose header claims 30000 × 30000 pixels (a decompression bomb). */
export function hugePng(): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([len, body, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(30_000, 0);
  ihdr.writeUInt32BE(30_000, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 2; // RGB
  const rows = deflateRawSync(Buffer.alloc(1024));
  return Buffer.concat([Buffer.from('\x89PNG\r\n\x1a\n', 'latin1'), chunk('IHDR', ihdr), chunk('IDAT', rows), chunk('IEND', Buffer.alloc(0))]);
}
