/**
 * The XML a HiLink stick speaks (`<response>…</response>`, `<error><code>…</code></error>`,
 * `<request>…</request>`): small, flat documents with no attributes that matter. A reader that
 * knows exactly that shape, pure and tolerant (declarations, comments, CDATA, self-closed
 * elements, entities), so a stick's answer is parsed, never pattern-matched.
 */

/** One element: its name, its text (children's text not included) and its children in order. */
export interface XmlElement {
  name: string;
  text: string;
  children: XmlElement[];
}

export class XmlSyntaxError extends Error {
  override name = 'XmlSyntaxError';
}

const NAMED_ENTITIES: Readonly<Record<string, string>> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
};

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (whole, entity: string) => {
    if (entity.startsWith('#x') || entity.startsWith('#X')) {
      return String.fromCodePoint(Number.parseInt(entity.slice(2), 16));
    }
    if (entity.startsWith('#')) return String.fromCodePoint(Number.parseInt(entity.slice(1), 10));
    return NAMED_ENTITIES[entity.toLowerCase()] ?? whole;
  });
}

/** Text as it may stand inside an element: `&`, `<` and `>` escaped. */
export function escapeXmlText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

const nameAt = /^[A-Za-z_][\w.-]*/;

/** Reads a document into its root element; throws XmlSyntaxError on what is not XML. */
export function parseXml(source: string): XmlElement {
  let at = 0;
  const stack: XmlElement[] = [];
  let root: XmlElement | null = null;

  const skipTo = (end: string) => {
    const found = source.indexOf(end, at);
    if (found < 0) throw new XmlSyntaxError(`Unterminated ${end} construct at ${at}`);
    at = found + end.length;
  };

  while (at < source.length) {
    const open = source.indexOf('<', at);
    const textEnd = open < 0 ? source.length : open;
    const text = source.slice(at, textEnd);
    const current = stack.at(-1);
    if (current) current.text += decodeEntities(text);
    else if (text.trim() !== '') throw new XmlSyntaxError('Text outside the root element');
    if (open < 0) break;
    at = open;
    if (source.startsWith('<?', at)) skipTo('?>');
    else if (source.startsWith('<!--', at)) skipTo('-->');
    else if (source.startsWith('<![CDATA[', at)) {
      const end = source.indexOf(']]>', at);
      if (end < 0 || !current) throw new XmlSyntaxError('CDATA outside an element');
      current.text += source.slice(at + 9, end);
      at = end + 3;
    } else if (source.startsWith('<!', at)) skipTo('>');
    else if (source.startsWith('</', at)) {
      const name = nameAt.exec(source.slice(at + 2))?.[0];
      const closed = stack.pop();
      if (!name || !closed || closed.name !== name) {
        throw new XmlSyntaxError(`Unexpected closing tag at ${at}`);
      }
      skipTo('>');
    } else {
      const name = nameAt.exec(source.slice(at + 1))?.[0];
      const end = source.indexOf('>', at);
      if (!name || end < 0) throw new XmlSyntaxError(`Unreadable tag at ${at}`);
      const element: XmlElement = { name, text: '', children: [] };
      const parent = stack.at(-1);
      if (parent) parent.children.push(element);
      else if (root) throw new XmlSyntaxError('A second root element');
      else root = element;
      if (source[end - 1] !== '/') stack.push(element);
      at = end + 1;
    }
  }
  if (stack.length > 0) throw new XmlSyntaxError(`<${stack.at(-1)?.name}> is never closed`);
  if (!root) throw new XmlSyntaxError('No element at all');
  return root;
}

/** The text of the first child named `name` (trimmed), or null when there is none. */
export function childText(element: XmlElement, name: string): string | null {
  const child = element.children.find((candidate) => candidate.name === name);
  return child ? child.text.trim() : null;
}

/** The leaf children of an element as name → trimmed text (the first of a repeated name). */
export function fieldsOf(element: XmlElement): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const child of element.children) {
    if (child.children.length === 0 && !(child.name in fields)) {
      fields[child.name] = child.text.trim();
    }
  }
  return fields;
}

/** A request or response element written as XML; nested arrays repeat an element. */
export type XmlValue = string | number | XmlFields | readonly XmlFields[];
export interface XmlFields {
  readonly [name: string]: XmlValue;
}

function writeFields(fields: XmlFields): string {
  return Object.entries(fields)
    .map(([name, value]) => {
      if (Array.isArray(value))
        return value.map((item) => `<${name}>${writeFields(item)}</${name}>`).join('');
      if (typeof value === 'object') return `<${name}>${writeFields(value as XmlFields)}</${name}>`;
      return `<${name}>${escapeXmlText(String(value))}</${name}>`;
    })
    .join('');
}

/** A whole document: the declaration, then `root` holding `fields` in their order. */
export function writeXml(root: string, fields: XmlFields | string): string {
  const body = typeof fields === 'string' ? escapeXmlText(fields) : writeFields(fields);
  return `<?xml version="1.0" encoding="UTF-8"?><${root}>${body}</${root}>`;
}

/** What a stick answered: a response element, or its error code and message. */
export type HilinkReply =
  | { ok: true; response: XmlElement }
  | { ok: false; code: number; message: string };

/**
 * Reads a stick's answer body. `<error>` carries a numeric code (and a message that is often
 * empty); `<response>` is the answer, sometimes only the text `OK`.
 */
export function readHilinkReply(body: string): HilinkReply {
  const root = parseXml(body);
  if (root.name === 'error') {
    const code = Number.parseInt(childText(root, 'code') ?? '', 10);
    if (!Number.isFinite(code)) throw new XmlSyntaxError('An error without a numeric code');
    return { ok: false, code, message: childText(root, 'message') ?? '' };
  }
  if (root.name !== 'response') throw new XmlSyntaxError(`Unexpected <${root.name}> answer`);
  return { ok: true, response: root };
}
