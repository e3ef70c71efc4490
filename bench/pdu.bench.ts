import { expect, test } from 'vitest';
import { decodePdu, encodeSubmit } from '../electron/gsm/codecs';
import { report } from './report';

const operations = 10_000;

// A carrier's balance reply: UCS2, part 1 of 2 (from the shared vectors), and a plain reply.
const samples = [
  '07919762020033F1400DD0CDF2396C7EBB010008415072411084618C0500035602010053004D005300200063006F00640065003A00200034003800350036002C00200063006F006E006600690072006D006100740069006F006E0020006F00660020006100730073006F00630069006100740069006F006E0020006200650074007700650065006E0020006100630063006F0075006E007400200061006E00640020004D00650067',
  '07917248014000F3240B917247587706F400003110824115248012C8329BFD06C9C373B8B82C97E741F034',
];
const texts = [
  'CXLL 687123456',
  'Forfait 5Go : il vous reste 3,2 Go valables jusqu’au 30/11/2026 23:59. 剩余流量 3.2GB',
];

function perOperation(run: (i: number) => void): number {
  for (let i = 0; i < 1000; i++) run(i); // warm-up
  const start = performance.now();
  for (let i = 0; i < operations; i++) run(i);
  return ((performance.now() - start) * 1000) / operations;
}

test('10,000 PDU decodes and encodes', () => {
  let decodedChars = 0;
  const decodeUs = perOperation((i) => {
    decodedChars += decodePdu(samples[i % samples.length] as string).text.length;
  });
  let parts = 0;
  const encodeUs = perOperation((i) => {
    parts += encodeSubmit({ to: '4012', text: texts[i % texts.length] as string }).length;
  });
  report('PDU codec, time per operation', {
    'decode (UCS2 multipart part / GSM 7-bit), µs': decodeUs.toFixed(2),
    'encode (GSM 7-bit single / UCS2 two parts), µs': encodeUs.toFixed(2),
  });
  expect(decodedChars).toBeGreaterThan(0);
  expect(parts).toBeGreaterThan(0);
});
