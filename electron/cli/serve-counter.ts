import path from 'node:path';
import { createRemoteCore } from '../counter/remote-core';
import { counterFileIn, readCounterSettings } from '../counter/settings';
import { startHost } from '../host/server';
import { type CommandContext, UsageError } from './command';

/**
 * `serve --counter DIR`: the loopback browser host, exactly as `serve`, over the counter of the
 * settings in DIR: every call goes to its hub, no database and no modems here.
 */
export async function serveCounter(
  { output, rendererDir, signals }: CommandContext,
  dir: string,
  listen: { host: string; port: number },
) {
  const folder = path.resolve(dir);
  const settings = readCounterSettings(folder);
  if (!settings) {
    throw new UsageError(
      `${counterFileIn(folder)} is missing: pair this counter first (comptoir pair --hub … --code … --fingerprint … --dir ${dir})`,
    );
  }
  const core = createRemoteCore({
    link: settings.link,
    log: { error: (...args) => console.error(...args), warn: console.warn, info: () => {} },
  });
  let host: Awaited<ReturnType<typeof startHost>>;
  try {
    host = await startHost({ core, rendererDir, ...listen });
  } catch (error) {
    await core.close();
    throw error;
  }
  output.result(
    { url: host.url, counter: folder, hub: settings.link.url, till: settings.till },
    `Comptoir counter "${settings.till.name}" is serving ${host.url}\nhub: ${settings.link.url}\nStop with Ctrl+C.`,
  );
  await signals.next();
  await host.close();
  await core.close();
}
