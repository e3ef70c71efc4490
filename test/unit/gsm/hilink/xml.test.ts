import { describe, expect, it } from 'vitest';
import {
  childText,
  escapeXmlText,
  fieldsOf,
  parseXml,
  readHilinkReply,
  writeXml,
  XmlSyntaxError,
} from '../../../../electron/gsm/hilink/xml';

describe('reading what a HiLink stick answers', () => {
  it.each([
    [
      'a response with the declaration and CRLFs',
      '<?xml version="1.0" encoding="UTF-8"?>\r\n<response>\r\n<Imei>867000000000017</Imei>\r\n<Iccid>8968700000000000017</Iccid>\r\n</response>\r\n',
      { Imei: '867000000000017', Iccid: '8968700000000000017' },
    ],
    [
      'self-closed and empty elements',
      '<response><Msisdn/><Imsi></Imsi></response>',
      { Msisdn: '', Imsi: '' },
    ],
    [
      'entities, numeric ones too',
      '<response><content>Solde &lt;5 000&gt; &amp; co &#233;t&#xE9; &quot;x&quot; &apos;y&apos;</content></response>',
      { content: 'Solde <5 000> & co été "x" \'y\'' },
    ],
    [
      'CDATA',
      '<response><content><![CDATA[a < b & c]]></content></response>',
      { content: 'a < b & c' },
    ],
    ['a comment', '<response><!-- fw 11 --><result>1</result></response>', { result: '1' }],
  ])('%s', (_, body, fields) => {
    expect(fieldsOf(parseXml(body))).toEqual(fields);
  });

  it('keeps line breaks inside a USSD menu', () => {
    const root = parseXml('<response><content>1 Recharge forfait\n2 Solde</content></response>');
    expect(root.children[0]?.text).toBe('1 Recharge forfait\n2 Solde');
    expect(childText(root, 'content')).toBe('1 Recharge forfait\n2 Solde');
    expect(childText(root, 'missing')).toBeNull();
  });

  it('reads nested lists (the SMS list)', () => {
    const root = parseXml(
      '<response><Count>2</Count><Messages><Message><Index>40001</Index></Message><Message><Index>40002</Index></Message></Messages></response>',
    );
    const messages = root.children.find((child) => child.name === 'Messages');
    expect(messages?.children.map((message) => childText(message, 'Index'))).toEqual([
      '40001',
      '40002',
    ]);
    expect(fieldsOf(root)).toEqual({ Count: '2' });
  });

  it.each([
    ['not XML', 'Bad gateway'],
    ['a tag never closed', '<response><Imei>1</response>'],
    ['a tag closed twice', '<response></response></response>'],
    ['two roots', '<response/><response/>'],
    ['nothing', ''],
    ['an unreadable tag', '<response><1bad>x</1bad></response>'],
    ['an unterminated comment', '<response><!-- </response>'],
  ])('refuses %s', (_, body) => {
    expect(() => parseXml(body)).toThrow(XmlSyntaxError);
  });

  it.each([
    ['<response>OK</response>', { ok: true }],
    [
      '<?xml version="1.0"?><error><code>125002</code><message></message></error>',
      { ok: false, code: 125002, message: '' },
    ],
    [
      '<error><code>111019</code><message>pending</message></error>',
      { ok: false, code: 111019, message: 'pending' },
    ],
  ])('tells an answer from a refusal: %s', (body, expected) => {
    expect(readHilinkReply(body)).toMatchObject(expected);
  });

  it('refuses an error without a code, and a root that is neither answer nor error', () => {
    expect(() => readHilinkReply('<error><message>x</message></error>')).toThrow(XmlSyntaxError);
    expect(() => readHilinkReply('<html><body>Login</body></html>')).toThrow(/Unexpected <html>/);
  });
});

describe('writing a request', () => {
  it('writes fields in order, nested ones and repeated ones, escaped', () => {
    expect(
      writeXml('request', {
        Index: -1,
        Phones: { Phone: '4012' },
        Content: 'CXLL <687123456> & co',
        Messages: [{ Index: 1 }, { Index: 2 }],
      }),
    ).toBe(
      '<?xml version="1.0" encoding="UTF-8"?><request><Index>-1</Index><Phones><Phone>4012</Phone></Phones><Content>CXLL &lt;687123456&gt; &amp; co</Content><Messages><Index>1</Index></Messages><Messages><Index>2</Index></Messages></request>',
    );
    expect(writeXml('response', 'OK')).toBe(
      '<?xml version="1.0" encoding="UTF-8"?><response>OK</response>',
    );
  });

  it('reads back what it wrote', () => {
    const text = 'Forfait 5Go : il vous reste 3,2 Go <ok> & "fin"';
    expect(childText(parseXml(writeXml('request', { content: text })), 'content')).toBe(text);
    expect(escapeXmlText('a<b>&c')).toBe('a&lt;b&gt;&amp;c');
  });
});
