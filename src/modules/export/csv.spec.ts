import { csvField, csvRecord } from './csv';

describe('csvField', () => {
  it('leaves plain text, numbers and booleans as they are, and writes null as an empty field', () => {
    expect(csvField('Agentur für Arbeit Heilbronn', ',')).toBe('Agentur für Arbeit Heilbronn');
    expect(csvField(3, ',')).toBe('3');
    expect(csvField(false, ';')).toBe('false');
    expect(csvField(null, ',')).toBe('');
  });

  it('quotes a field with the separator, a quote or a line break, and doubles its quotes (RFC 4180)', () => {
    expect(csvField('IHK, Heilbronn', ',')).toBe('"IHK, Heilbronn"');
    expect(csvField('IHK, Heilbronn', ';')).toBe('IHK, Heilbronn');
    expect(csvField('Büro; Öhringen', ';')).toBe('"Büro; Öhringen"');
    expect(csvField('Kammer "Süd"', ';')).toBe('"Kammer ""Süd"""');
    expect(csvField('Vorsitzender\nder Geschäftsführung', ',')).toBe('"Vorsitzender\nder Geschäftsführung"');
    expect(csvField('Zeile\r', ',')).toBe('"Zeile\r"');
  });

  it('keeps a spreadsheet from taking text for a formula: a leading apostrophe before = + - @ tab and CR', () => {
    expect(csvField('=HYPERLINK("http://x")', ',')).toBe(`"'=HYPERLINK(""http://x"")"`);
    for (const start of ['+', '-', '@', '\t']) expect(csvField(`${start}1`, ';')).toBe(`'${start}1`);
    expect(csvField('\r1', ';')).toBe(`"'\r1"`);
    expect(csvField('Baden-Württemberg', ',')).toBe('Baden-Württemberg');
  });
});

describe('csvRecord', () => {
  it('joins the fields with the separator and ends the record with CRLF', () => {
    expect(csvRecord(['a', null, 'b;c', true], ';')).toBe('a;;"b;c";true\r\n');
  });
});
