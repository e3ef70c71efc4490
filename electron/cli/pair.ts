import path from 'node:path';
import { fingerprintSchema, pairingCodeSchema } from '../../shared/counters';
import { hubJoiner } from '../counter/join';
import { type Command, UsageError } from './command';

export const pairCommand: Command = {
  name: 'pair',
  usage: 'pair --hub URL --code CODE --fingerprint HEX --dir DIR [--json]',
  summary:
    'Pairs this machine as a counter of the hub at URL (the code and fingerprint shown on the ' +
    'hub): keeps counter.json in DIR for `serve --counter DIR`.',
  options: {
    hub: { type: 'string' },
    code: { type: 'string' },
    fingerprint: { type: 'string' },
    dir: { type: 'string' },
  },
  async run({ values, output }) {
    const { hub, code, fingerprint, dir } = values;
    if (typeof hub !== 'string' || typeof dir !== 'string') {
      throw new UsageError('--hub and --dir are needed');
    }
    const parsedCode = pairingCodeSchema.safeParse(code);
    if (!parsedCode.success) throw new UsageError('--code is the 8 characters the hub shows');
    // Typed as the hub shows it: groups of four, spaces or colons between them.
    const parsedFingerprint = fingerprintSchema.safeParse(
      String(fingerprint ?? '')
        .replace(/[\s:]/g, '')
        .toUpperCase(),
    );
    if (!parsedFingerprint.success) {
      throw new UsageError('--fingerprint is the 64 hex digits the hub shows');
    }
    const folder = path.resolve(dir);
    const { till } = await hubJoiner(folder).join(hub, parsedCode.data, parsedFingerprint.data);
    output.result(
      { till, dir: folder },
      `Paired as "${till.name}". Serve this counter with: comptoir serve --counter ${folder}`,
    );
  },
};
