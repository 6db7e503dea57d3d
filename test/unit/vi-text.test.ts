import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareVi, foldVi, formatDateTimeVi, formatDateVi, normalizeText, TIME_ZONE, todayVi, viSortKey } from '../../src/platform/vi-text.ts';

const VI_LOWER = 'aăâbcdđeêghiklmnoôơpqrstuưvxyáàảãạấầẩẫậắằẳẵặéèẻẽẹếềểễệíìỉĩịóòỏõọốồổỗộớờởỡợúùủũụứừửữựýỳỷỹỵ';
const VI_LETTERS = [...VI_LOWER, ...VI_LOWER.toUpperCase()];

/** Text over the Vietnamese alphabet (both cases) and spaces, in NFC or NFD as people paste it. */
const viText = fc
  .tuple(
    fc.array(fc.oneof({ weight: 6, arbitrary: fc.constantFrom(...VI_LETTERS) }, { weight: 1, arbitrary: fc.constant(' ') }), { maxLength: 40 }),
    fc.constantFrom<'NFC' | 'NFD'>('NFC', 'NFD'),
  )
  .map(([chars, form]) => chars.join('').normalize(form));

/** Any text at all: full Unicode, Vietnamese mixed in so the interesting paths are hit often. */
const anyText = fc.oneof(fc.string({ unit: 'grapheme', maxLength: 30 }), fc.string({ unit: 'binary', maxLength: 30 }), viText);

const COMBINING = /[\u0300-\u036f]/;

describe('foldVi', () => {
  it('folds the documented examples', () => {
    expect(foldVi('Đăng ký')).toBe('dang ky');
    expect(foldVi('THỦ TỤC')).toBe('thu tuc');
    expect(foldVi('Cải cách hành chính')).toBe('cai cach hanh chinh');
    expect(foldVi('Sở Nội vụ tỉnh Bắc Giang')).toBe('so noi vu tinh bac giang');
    expect(foldVi('ĐƯỜNG ĐẶNG')).toBe('duong dang');
    expect(foldVi('')).toBe('');
  });

  it('gives the same key for NFC and NFD spellings', () => {
    fc.assert(fc.property(viText, (s) => foldVi(s.normalize('NFC')) === foldVi(s.normalize('NFD'))));
  });

  it('is idempotent', () => {
    fc.assert(fc.property(anyText, (s) => foldVi(foldVi(s)) === foldVi(s)), { numRuns: 500 });
  });

  it('leaves no Vietnamese combining marks, no đ/Đ and no upper case', () => {
    fc.assert(
      fc.property(anyText, (s) => {
        const f = foldVi(s);
        expect(f).not.toMatch(COMBINING);
        expect(f).not.toMatch(/[đĐ]/);
        expect(f).toBe(f.toLowerCase());
      }),
      { numRuns: 500 },
    );
  });

  it('maps Vietnamese text to plain ASCII a–z and spaces, keeping its length in letters', () => {
    fc.assert(
      fc.property(viText, (s) => {
        const f = foldVi(s);
        expect(f).toMatch(/^[a-z ]*$/);
        expect(f.length).toBe([...s.normalize('NFC')].length);
      }),
    );
  });

  it('makes accented and unaccented spellings meet', () => {
    fc.assert(fc.property(viText, (s) => foldVi(s) === foldVi(foldVi(s).toUpperCase())));
  });
});

describe('normalizeText', () => {
  it('trims and collapses whitespace runs to one space, as NFC', () => {
    expect(normalizeText('  Ban   Dân\ttộc \n tỉnh  ')).toBe('Ban Dân tộc tỉnh');
    const nfd = 'Bắc Giang'.normalize('NFD');
    expect(nfd).not.toBe('Bắc Giang'.normalize('NFC'));
    expect(normalizeText(nfd)).toBe('Bắc Giang'.normalize('NFC'));
    expect(normalizeText('a\u00a0\u00a0b')).toBe('a b');
  });

  it('is idempotent and always NFC, with no leading, trailing or double spaces', () => {
    fc.assert(
      fc.property(fc.oneof(anyText, fc.string({ unit: fc.constantFrom(' ', '\t', '\n', '\u00a0', 'a', 'ê', '\u0301', 'Đ') })), (s) => {
        const n = normalizeText(s);
        expect(normalizeText(n)).toBe(n);
        expect(n.normalize('NFC')).toBe(n);
        expect(n).toBe(n.trim());
        expect(n).not.toMatch(/\s\s/);
        expect(n).not.toMatch(/[\t\n\r\u00a0]/);
      }),
      { numRuns: 500 },
    );
  });
});

describe('compareVi', () => {
  it('sorts province names in Vietnamese order (Đ after D, before E)', () => {
    const names = ['Đà Nẵng', 'Cà Mau', 'An Giang', 'Bắc Ninh', 'Bắc Giang'];
    expect([...names].sort(compareVi)).toEqual(['An Giang', 'Bắc Giang', 'Bắc Ninh', 'Cà Mau', 'Đà Nẵng']);
    expect(['Hà Nội', 'Đắk Lắk', 'Điện Biên', 'Đà Nẵng', 'Bình Dương', 'Gia Lai'].sort(compareVi)).toEqual([
      'Bình Dương', 'Đà Nẵng', 'Đắk Lắk', 'Điện Biên', 'Gia Lai', 'Hà Nội',
    ]);
    expect(compareVi('Dak', 'Đà')).toBeLessThan(0);
    expect(compareVi('Đà', 'Em')).toBeLessThan(0);
  });

  it('compares numbers as numbers and ignores case', () => {
    expect(['Phòng 10', 'Phòng 2', 'Phòng 1'].sort(compareVi)).toEqual(['Phòng 1', 'Phòng 2', 'Phòng 10']);
    expect(compareVi('phòng hc-th', 'PHÒNG HC-TH')).toBe(0);
  });

  it('is a consistent order: reflexive and antisymmetric', () => {
    fc.assert(
      fc.property(viText, viText, (a, b) => {
        expect(compareVi(a, a)).toBe(0);
        expect(Math.sign(compareVi(a, b))).toBe(-Math.sign(compareVi(b, a)) || 0);
      }),
    );
  });
});

describe('dates in Vietnam\'s time zone', () => {
  it('formats calendar dates as dd/mm/yyyy without any time-zone shift', () => {
    expect(TIME_ZONE).toBe('Asia/Ho_Chi_Minh');
    expect(formatDateVi('2024-02-05')).toBe('05/02/2024');
    expect(formatDateVi('2025-07-01')).toBe('01/07/2025');
    expect(formatDateVi('2024-12-31')).toBe('31/12/2024');
  });

  it('formats instants in UTC+7: 18:00 UTC on 31/12 is already the new year', () => {
    expect(formatDateVi(new Date('2024-12-31T18:00:00Z'))).toBe('01/01/2025');
    expect(formatDateVi('2024-12-31T18:00:00Z')).toBe('01/01/2025');
    expect(formatDateVi(new Date('2024-12-31T16:59:59Z'))).toBe('31/12/2024');
    expect(formatDateTimeVi('2024-12-31T17:00:00Z')).toBe('01/01/2025 00:00');
    expect(formatDateTimeVi(new Date('2024-12-31T18:05:00Z'))).toBe('01/01/2025 01:05');
  });

  const instant = fc.date({ min: new Date('1980-01-01T00:00:00Z'), max: new Date('2100-01-01T00:00:00Z'), noInvalidDate: true });
  const pad = (n: number) => String(n).padStart(2, '0');
  /** Vietnam has kept UTC+7 without daylight saving since 1975. */
  const vn = (d: Date) => new Date(d.getTime() + 7 * 3_600_000);

  it('agrees with UTC+7 arithmetic for any instant', () => {
    fc.assert(
      fc.property(instant, (d) => {
        const v = vn(d);
        const day = `${pad(v.getUTCDate())}/${pad(v.getUTCMonth() + 1)}/${v.getUTCFullYear()}`;
        expect(formatDateVi(d)).toBe(day);
        expect(formatDateTimeVi(d)).toBe(`${day} ${pad(v.getUTCHours())}:${pad(v.getUTCMinutes())}`);
        expect(todayVi(d)).toBe(`${v.getUTCFullYear()}-${pad(v.getUTCMonth() + 1)}-${pad(v.getUTCDate())}`);
      }),
      { numRuns: 300 },
    );
  });

  it('round-trips YYYY-MM-DD text through formatDateVi', () => {
    const day = fc.date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2999-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
    fc.assert(fc.property(day, (iso) => formatDateVi(iso).split('/').reverse().join('-') === iso));
  });

  it('todayVi gives the Vietnamese calendar day, by default for now', () => {
    expect(todayVi(new Date('2024-12-31T18:00:00Z'))).toBe('2025-01-01');
    expect(todayVi(new Date('2024-12-31T16:59:59Z'))).toBe('2024-12-31');
    expect(todayVi(new Date('2024-02-29T12:00:00Z'))).toBe('2024-02-29');
    const before = todayVi(new Date());
    const now = todayVi();
    const after = todayVi(new Date());
    expect(now).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect([before, after]).toContain(now);
  });
});

describe('viSortKey', () => {
  const collator = new Intl.Collator('vi', { numeric: true });
  const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  // Lower-case Vietnamese letters with every tone, digits and a space: what names are made of.
  const vowels = [...'aăâeêioôơuưy'].flatMap((l) => ['', '\u0300', '\u0309', '\u0303', '\u0301', '\u0323'].map((t) => (l + t).normalize('NFC')));
  const letters = [...vowels, ...'bcdđghklmnpqrstvx'];
  const word = fc.array(fc.constantFrom(...letters), { minLength: 1, maxLength: 6 }).map((l) => l.join(''));
  const name = fc.array(fc.oneof(word, word, fc.integer({ min: 0, max: 2000 }).map(String)), { minLength: 1, maxLength: 4 }).map((w) => w.join(' '));

  it('orders as the Vietnamese collation (ICU) does', () => {
    fc.assert(
      fc.property(name, name, (a, b) => {
        const byCollator = Math.sign(collator.compare(a, b));
        if (byCollator !== 0) expect(cmp(viSortKey(a), viSortKey(b))).toBe(byCollator);
      }),
      { numRuns: 3000 },
    );
  });

  it('puts đ after d, ă â after a, numbers by value, case and spacing aside, and uses only [0-9a-z]', () => {
    const sorted = ['Tặng bằng khen', 'Đăng ký khai sinh', 'Duyệt kế hoạch', 'Ăn uống', 'An toàn', 'Mẫu 10', 'Mẫu 2'].sort((a, b) => cmp(viSortKey(a), viSortKey(b)));
    expect(sorted).toEqual(['An toàn', 'Ăn uống', 'Duyệt kế hoạch', 'Đăng ký khai sinh', 'Mẫu 2', 'Mẫu 10', 'Tặng bằng khen']);
    expect(viSortKey('  ĐĂNG   KÝ ')).toBe(viSortKey('đăng ký'));
    fc.assert(fc.property(anyText, (s) => /^[0-9a-z]*$/.test(viSortKey(s))));
  });
});
