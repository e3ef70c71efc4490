import { describe, expect, it } from 'vitest';
import { finished, spawnCli } from '../../support/cli';

const megafonPart1 =
  '07919762020033F1400DD0CDF2396C7EBB010008415072411084618C0500035602010053004D005300200063006F00640065003A00200034003800350036002C00200063006F006E006600690072006D006100740069006F006E0020006F00660020006100730073006F00630069006100740069006F006E0020006200650074007700650065006E0020006100630063006F0075006E007400200061006E00640020004D00650067';

async function json(args: string[]) {
  const { code, stdout, stderr } = await finished(spawnCli(args));
  return { code, document: stdout ? JSON.parse(stdout) : null, stderr };
}

describe('comptoir pdu', () => {
  it('decodes a received PDU to one JSON document', async () => {
    const { code, document } = await json(['pdu', 'decode', megafonPart1, '--json']);
    expect(code).toBe(0);
    expect(document).toEqual({
      type: 'SMS-DELIVER',
      smsc: '+79262000331',
      sender: 'Megafon',
      timestamp: '2014-05-27T14:01:48+04:00',
      text: 'SMS code: 4856, confirmation of association between account and Meg',
      encoding: 'ucs2',
      concat: { ref: 86, part: 1, total: 2 },
      truncated: false,
      warnings: [],
    });
  });

  it('decodes a part cut short by the modem, marked truncated with the flaw named', async () => {
    const { code, document } = await json(['pdu', 'decode', megafonPart1.slice(0, -9), '--json']);
    expect(code).toBe(0);
    expect(document).toMatchObject({
      sender: 'Megafon',
      text: 'SMS code: 4856, confirmation of association between account and ',
      truncated: true,
      warnings: [
        { code: 'odd_hex_digit', message: expect.any(String) },
        { code: 'user_data_short', message: expect.any(String) },
      ],
    });
  });

  it('encodes a long Chinese text into parts that decode back', async () => {
    const text = '剩余流量 3.2GB，有效期至 2026年11月30日。'.repeat(4);
    const { code, document } = await json([
      'pdu',
      'encode',
      '--to',
      '+687123456',
      '--text',
      text,
      '--json',
    ]);
    expect(code).toBe(0);
    expect(document.pdus.length).toBe(2);
    const texts: string[] = [];
    for (const pdu of document.pdus) {
      const decoded = await json(['pdu', 'decode', pdu.hex, '--json']);
      expect(decoded.document).toMatchObject({
        type: 'SMS-SUBMIT',
        recipient: '+687123456',
        encoding: 'ucs2',
      });
      texts.push(decoded.document.text);
    }
    expect(texts.join('')).toBe(text);
  });

  it('refuses a malformed PDU with a clear error and no output', async () => {
    const { code, document, stderr } = await json(['pdu', 'decode', '0791ZZ', '--json']);
    expect(code).toBe(2);
    expect(document).toBeNull();
    expect(JSON.parse(stderr).error.code).toBe('usage');
  });

  it('refuses a recipient that is not a number', async () => {
    const { code, stderr } = await json([
      'pdu',
      'encode',
      '--to',
      'OPT;ATD',
      '--text',
      'x',
      '--json',
    ]);
    expect(code).toBe(2);
    expect(JSON.parse(stderr).error.message).toMatch(/Not a phone number/);
  });
});
