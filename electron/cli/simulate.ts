import path from 'node:path';
import { listProfiles, resolveProfile, startSimulatorOnPty } from '../gsm/simulator';
import { type Command, UsageError } from './command';

export const simulateCommand: Command = {
  name: 'simulate',
  usage: 'simulate --profile SPEC --link PATH [--json] | simulate --list',
  summary: 'Run a simulated modem on a pseudo-terminal linked at PATH (needs socat).',
  options: {
    profile: { type: 'string', default: 'generic' },
    link: { type: 'string' },
    list: { type: 'boolean', default: false },
  },
  async run({ values, output, signals }) {
    if (values.list === true) {
      const profiles = listProfiles();
      output.result(
        profiles,
        profiles.map(({ name, description }) => `${name.padEnd(16)} ${description}`).join('\n'),
      );
      return;
    }
    if (typeof values.link !== 'string' || values.link === '') {
      throw new UsageError('--link PATH is required (where the modem port appears)');
    }
    const spec = String(values.profile);
    try {
      resolveProfile(spec);
    } catch (error) {
      throw new UsageError(`${(error as Error).message} (see: comptoir simulate --list)`);
    }
    const simulator = await startSimulatorOnPty({
      profile: spec,
      linkPath: path.resolve(values.link),
    });
    output.result(
      { profile: spec, port: simulator.modemPath },
      `Simulated modem (${spec}) on ${simulator.modemPath}\nStop with Ctrl+C.`,
    );
    await signals.next();
    await simulator.stop();
  },
};
