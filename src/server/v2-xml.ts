// WeChat Pay API v2's XML: one flat `<xml>` element whose children are the fields, each a
// CDATA section or text (`<xml><return_code><![CDATA[SUCCESS]]></return_code>…</xml>`).

const DECLARATION = /^\s*(?:<\?xml[^?]*\?>\s*)?<xml>/;
const END = /<\/xml>\s*$/;
const OPEN_TAG = /<([A-Za-z_][A-Za-z0-9_.-]*)\s*(\/?)>/y;
const ENTITIES = new Map([
  ['lt', '<'],
  ['gt', '>'],
  ['amp', '&'],
  ['quot', '"'],
  ['apos', "'"],
]);

/** Text between tags with its entities decoded, or undefined for an unknown entity. */
function decodeText(text: string): string | undefined {
  let unknown = false;
  const decoded = text.replace(/&(#x[0-9A-Fa-f]{1,6}|#[0-9]{1,7}|[A-Za-z]+);|&/g, (all, name) => {
    const code = name?.startsWith('#x')
      ? Number.parseInt(name.slice(2), 16)
      : name?.startsWith('#')
        ? Number(name.slice(1))
        : undefined;
    if (code !== undefined && code <= 0x10ffff) return String.fromCodePoint(code);
    if (code === undefined && ENTITIES.has(name)) return ENTITIES.get(name) as string;
    unknown = true;
    return all;
  });
  return unknown ? undefined : decoded;
}

/** One field's value from `position` (just after its opening tag) to its closing tag. */
function readValue(
  inner: string,
  name: string,
  position: number,
): { value: string; next: number } | string {
  const close = `</${name}>`;
  let value = '';
  let at = position;
  for (;;) {
    if (inner.startsWith(close, at)) return { value, next: at + close.length };
    if (inner.startsWith('<![CDATA[', at)) {
      const end = inner.indexOf(']]>', at + 9);
      if (end < 0) return `the CDATA section of <${name}> is not closed`;
      value += inner.slice(at + 9, end);
      at = end + 3;
      continue;
    }
    if (at >= inner.length || inner[at] === '<') {
      return at >= inner.length
        ? `<${name}> is not closed`
        : `<${name}> holds an element; WeChat Pay's v2 XML is flat`;
    }
    const textEnd = inner.indexOf('<', at);
    const text = decodeText(inner.slice(at, textEnd < 0 ? inner.length : textEnd));
    if (text === undefined) return `<${name}> holds an unknown XML entity`;
    value += text;
    at = textEnd < 0 ? inner.length : textEnd;
  }
}

/**
 * The fields of a WeChat Pay v2 XML document as strings, or a sentence saying why it is not
 * one: an `<xml>` root (after an optional declaration) of flat elements, each named once. A
 * DOCTYPE, nested elements and attributes are refused.
 */
export function parseV2Xml(text: string): Record<string, string> | string {
  const start = DECLARATION.exec(text);
  const end = END.exec(text);
  if (!start || !end || end.index < start[0].length) {
    return 'the body is not an <xml> document (<xml><name>value</name>…</xml>)';
  }
  const inner = text.slice(start[0].length, end.index);
  const fields = new Map<string, string>();
  let at = 0;
  for (;;) {
    while (at < inner.length && /\s/.test(inner[at] as string)) at++;
    if (at >= inner.length) break;
    OPEN_TAG.lastIndex = at;
    const open = OPEN_TAG.exec(inner);
    if (!open) return `the XML has something other than a field at character ${at + 1} of <xml>`;
    const name = open[1] as string;
    if (fields.has(name)) return `the field <${name}> appears twice`;
    if (open[2] === '/') {
      fields.set(name, '');
      at = OPEN_TAG.lastIndex;
      continue;
    }
    const read = readValue(inner, name, OPEN_TAG.lastIndex);
    if (typeof read === 'string') return read;
    fields.set(name, read.value);
    at = read.next;
  }
  return Object.fromEntries(fields);
}

/** Fields as WeChat Pay v2 XML, each value in a CDATA section. */
export function toV2Xml(fields: Readonly<Record<string, string>>): string {
  const elements = Object.entries(fields).map(
    ([name, value]) => `<${name}><![CDATA[${value.replace(/]]>/g, ']]]]><![CDATA[>')}]]></${name}>`,
  );
  return `<xml>${elements.join('')}</xml>`;
}
