import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { LinkClosed, ModemLink } from '../../../electron/gsm/link/link';
import { createMemoryLinkPair } from '../../../electron/gsm/link/memory-link';
import { createPtyPair } from '../../../electron/gsm/link/pty-pair';
import { openSerialLink } from '../../../electron/gsm/link/serial-link';
import { withTempDirs } from '../../support/temp';

const tempDir = withTempDirs();

function nextData(link: ModemLink): Promise<string> {
  return new Promise((resolve) => {
    const stop = link.onData((chunk) => {
      stop();
      resolve(Buffer.from(chunk).toString('latin1'));
    });
  });
}

function closed(link: ModemLink): Promise<LinkClosed> {
  return new Promise((resolve) => link.onClose(resolve));
}

describe('links to a modem', () => {
  it('carry bytes both ways over a pseudo-terminal pair through serialport, any byte value', async () => {
    const pair = await createPtyPair(path.join(tempDir(), 'ttyModem'));
    const client = await openSerialLink({ path: pair.modemPath });
    const modem = await openSerialLink({ path: pair.simulatorPath });
    try {
      const heard = nextData(modem);
      await client.write(Buffer.from('AT\r'));
      expect(await heard).toBe('AT\r');
      const answered = nextData(client);
      await modem.write(Uint8Array.from([0x0d, 0x0a, 0xff, 0x00, 0x1a]));
      expect(await answered).toBe('\r\n\xff\x00\x1a');
    } finally {
      await client.close();
      await modem.close();
      await pair.close();
    }
  });

  it('report a closed port once and refuse to write to it', async () => {
    const pair = await createPtyPair(path.join(tempDir(), 'ttyModem'));
    const client = await openSerialLink({ path: pair.modemPath });
    const reason = closed(client);
    await client.close();
    expect(await reason).toEqual({ kind: 'closed' });
    await expect(client.write(Buffer.from('AT\r'))).rejects.toThrow(/closed/);
    await pair.close();
  });

  it('say which port cannot be opened', async () => {
    await expect(openSerialLink({ path: path.join(tempDir(), 'ttyUSB9') })).rejects.toThrow(
      /Cannot open .*ttyUSB9/,
    );
  });

  it('in memory, deliver asynchronously and tell the other end when one end closes', async () => {
    const [client, modem] = createMemoryLinkPair();
    let delivered = false;
    const heard = nextData(modem).then((text) => {
      delivered = true;
      return text;
    });
    await client.write(Buffer.from('ATI\r'));
    expect(delivered).toBe(false);
    expect(await heard).toBe('ATI\r');
    const reason = closed(client);
    await modem.close();
    expect(await reason).toEqual({ kind: 'unplugged' });
  });
});
