import path from 'node:path';
import { startHilinkSimulator } from '../gsm/hilink/simulator';
import { listProfiles, resolveProfile, startSimulatorOnPty } from '../gsm/simulator';
import { type Command, UsageError } from './command';

export const simulateCommand: Command = {
  name: 'simulate',
  usage:
    'simulate --profile SPEC --link PATH [--json] | simulate --hilink [--port N] [--json] | simulate --list',
  summary:
    'Run a simulated modem on a pseudo-terminal linked at PATH (needs socat), or a simulated HiLink stick on 127.0.0.1.',
  options: {
    profile: { type: 'string', default: 'generic' },
    link: { type: 'string' },
    list: { type: 'boolean', default: false },
    hilink: { type: 'boolean', default: false },
    port: { type: 'string', default: '0' },
  },
  async run({ values, output, signals }) {
    if (values.hilink === true) {
      const port = Number(values.port);
      if (!Number.isInteger(port) || port < 0 || port > 65535) {
        throw new UsageError('--port N is a TCP port (0: any free one)');
      }
      const stick = await startHilinkSimulator({ port });
      output.result(
        { hilink: stick.url },
        `Simulated HiLink stick at ${stick.url} (configure it as the modem's address)\nStop with Ctrl+C.`,
      );
      await signals.next();
      await stick.close();
      return;
    }
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
