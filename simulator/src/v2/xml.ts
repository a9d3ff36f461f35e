/** A flat API v2 document read: its fields, or a sentence saying why it is not one. */
export type XmlReading =
  | { readonly ok: true; readonly fields: Record<string, string> }
  | { readonly ok: false; readonly reason: string };

/** More fields than any API v2 request has. */
const MAX_FIELDS = 200;
const NAME = /[A-Za-z_][\w.-]*/y;
const SPACE = /[ \t\r\n]*/y;
const ENTITIES: Readonly<Record<string, string>> = {
  lt: '<',
  gt: '>',
  amp: '&',
  quot: '"',
  apos: "'",
};

/**
 * Reads WeChat Pay's API v2 XML: `<xml><name>value</name>…</xml>`, each value text (with the
 * five entities and character references) and/or CDATA sections. Anything else is refused:
 * nested elements, attributes, a DOCTYPE (no entity can be declared, so none can be expanded),
 * a field given twice, text after the root.
 */
export function parseV2Xml(text: string): XmlReading {
  try {
    return { ok: true, fields: new FlatXmlReader(text).read() };
  } catch (error) {
    if (error instanceof XmlSyntaxError) return { ok: false, reason: error.message };
    throw error;
  }
}

/**
 * An API v2 document of `fields` in order: strings in CDATA, numbers as they are, empty and
 * undefined fields left out, as WeChat Pay writes them.
 */
export function toV2Xml(fields: Readonly<Record<string, string | number | undefined>>): string {
  let xml = '<xml>';
  for (const [name, value] of Object.entries(fields)) {
    if (value === undefined || value === '') continue;
    const content =
      typeof value === 'number'
        ? String(value)
        : `<![CDATA[${value.replaceAll(']]>', ']]]]><![CDATA[>')}]]>`;
    xml += `<${name}>${content}</${name}>`;
  }
  return `${xml}</xml>`;
}

class XmlSyntaxError extends Error {}

class FlatXmlReader {
  private pos = 0;

  constructor(private readonly text: string) {}

  read(): Record<string, string> {
    if (this.text.startsWith('\uFEFF')) this.pos = 1;
    this.skipSpace();
    if (this.text.startsWith('<?xml', this.pos)) this.skipPast('?>', 'the XML declaration');
    this.skipMisc();
    if (this.text.startsWith('<!DOCTYPE', this.pos) || this.text.startsWith('<!ENTITY', this.pos)) {
      this.fail('a DOCTYPE is not accepted (WeChat Pay declares no entities)');
    }
    this.expect('<xml', 'the root element <xml>');
    this.skipSpace();
    this.expect('>', '> closing <xml (the root takes no attributes)');
    const fields: Record<string, string> = Object.create(null);
    let count = 0;
    for (this.skipMisc(); !this.text.startsWith('</', this.pos); this.skipMisc()) {
      const [name, value] = this.field();
      if (name in fields) this.fail(`the field <${name}> is given twice`);
      if (++count > MAX_FIELDS) this.fail(`there are more than ${MAX_FIELDS} fields`);
      fields[name] = value;
    }
    this.closing('xml');
    this.skipMisc();
    if (this.pos < this.text.length) this.fail('there is more after </xml>');
    return fields;
  }

  private field(): [string, string] {
    this.expect('<', 'a field <name>');
    const name = this.name();
    this.skipSpace();
    if (this.text.startsWith('/>', this.pos)) {
      this.pos += 2;
      return [name, ''];
    }
    this.expect('>', `> closing <${name} (fields take no attributes)`);
    let value = '';
    let hasCdata = false;
    while (!this.text.startsWith('</', this.pos)) {
      if (this.text.startsWith('<![CDATA[', this.pos)) {
        const start = this.pos + 9;
        this.skipPast(']]>', `the CDATA section of <${name}>`);
        value += this.text.slice(start, this.pos - 3);
        hasCdata = true;
      } else if (this.text.startsWith('<', this.pos)) {
        this.fail(`<${name}> holds an element; API v2 fields hold text or CDATA only`);
      } else {
        const end = this.text.indexOf('<', this.pos);
        if (end < 0) this.fail(`<${name}> is not closed`);
        const decoded = decodeText(this.text.slice(this.pos, end), name);
        value += hasCdata && decoded.trim() === '' ? '' : decoded;
        this.pos = end;
      }
    }
    this.closing(name);
    return [name, hasCdata ? value : value.trim()];
  }

  private closing(name: string): void {
    this.expect(`</${name}`, `</${name}>`);
    this.skipSpace();
    this.expect('>', `> ending </${name}`);
  }

  private name(): string {
    NAME.lastIndex = this.pos;
    const match = NAME.exec(this.text);
    if (!match) this.fail('an element name is expected after <');
    this.pos = NAME.lastIndex;
    return match[0];
  }

  /** Whitespace and comments. */
  private skipMisc(): void {
    for (this.skipSpace(); this.text.startsWith('<!--', this.pos); this.skipSpace()) {
      this.skipPast('-->', 'a comment');
    }
  }

  private skipSpace(): void {
    SPACE.lastIndex = this.pos;
    SPACE.exec(this.text);
    this.pos = SPACE.lastIndex;
  }

  private skipPast(end: string, what: string): void {
    const at = this.text.indexOf(end, this.pos);
    if (at < 0) this.fail(`${what} is not closed with ${end}`);
    this.pos = at + end.length;
  }

  private expect(token: string, what: string): void {
    if (!this.text.startsWith(token, this.pos)) this.fail(`${what} is expected`);
    this.pos += token.length;
  }

  private fail(reason: string): never {
    throw new XmlSyntaxError(`${reason} (at character ${this.pos})`);
  }
}

function decodeText(raw: string, field: string): string {
  if (raw.includes(']]>')) {
    throw new XmlSyntaxError(`<${field}> holds "]]>" outside a CDATA section`);
  }
  return raw.replace(/&([^;&\s]{1,10});|&/g, (whole, entity: string | undefined) => {
    if (entity === undefined) {
      throw new XmlSyntaxError(`<${field}> holds a bare & (write &amp; or use CDATA)`);
    }
    const named = ENTITIES[entity];
    if (named !== undefined) return named;
    const code = /^#x([0-9A-Fa-f]{1,6})$/.exec(entity)?.[1] ?? /^#([0-9]{1,7})$/.exec(entity)?.[1];
    const point =
      code === undefined ? Number.NaN : Number.parseInt(code, entity[1] === 'x' ? 16 : 10);
    if (Number.isNaN(point) || point > 0x10ffff || (point >= 0xd800 && point <= 0xdfff)) {
      throw new XmlSyntaxError(`<${field}> holds the unknown entity ${whole}`);
    }
    return String.fromCodePoint(point);
  });
}
