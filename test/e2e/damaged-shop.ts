import type { APIRequestContext } from '@playwright/test';
import { overwritePageOf } from '../support/damaged-pages';
import type { ServedHost } from './host';

/**
 * On a shop just served for the first time: its owner (`owner`, PIN 2468) is created and a backup
 * taken, the host stopped and the sales page of its database overwritten, as a bad disk does.
 */
export async function damageAfterBackup(
  request: APIRequestContext,
  host: ServedHost,
  databaseFile: string,
) {
  const setup = await request.post(`${host.url}api/auth.setup`, {
    data: { name: 'owner', pin: '2468' },
  });
  const { token } = (await setup.json()) as { token: string };
  const backup = await request.post(`${host.url}api/backups.create`, {
    data: {},
    headers: { authorization: `Bearer ${token}` },
  });
  if (!backup.ok()) throw new Error(`The backup was refused: ${await backup.text()}`);
  await host.stop();
  overwritePageOf(databaseFile, 'sales');
}
