import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openModemLink } from '../../../electron/bank/links';
import { createModemBank, type ModemBank } from '../../../electron/bank/modem-bank';
import { parseTranscript } from '../../../electron/gsm/replay/parse';
import { createJournal } from '../../../electron/sales/journal';
import { createRenewals } from '../../../electron/sales/renewal';
import { openDatabase } from '../../../electron/store/database';
import { createUserStore } from '../../../electron/store/users';
import { finished, spawnCli } from '../../support/cli';
import { SHIPPED_MODEMS } from '../../support/modem-profiles';
import { withTempDirs } from '../../support/temp';
import { demoProfile } from '../../unit/carriers/demo-profile';

const tempDir = withTempDirs();
const banks: ModemBank[] = [];
afterEach(async () => {
  for (const bank of banks.splice(0)) await bank.close();
});

const carrier = demoProfile();
// The demo network's dealer PIN; no number, amount or reference of the sale holds these digits.
const DEALER_PIN = '1234';

/** A sale sold through the real renewal code, on a simulated modem, into a real file. */
async function soldSale(msisdn: string) {
  const file = path.join(tempDir(), 'comptoir.sqlite');
  const { db } = openDatabase(file);
  const now = () => new Date();
  const clerk = createUserStore(db, now).add('clerk', 'clerk', '1111');
  const bank = createModemBank({
    profileDirs: [SHIPPED_MODEMS],
    modems: [
      { id: 'modem-1', carrierId: carrier.id, port: { kind: 'simulated', profile: 'generic' } },
    ],
    openLink: (port) => openModemLink(port),
  });
  banks.push(bank);
  await bank.start();
  const renewals = createRenewals({
    journal: createJournal(db, now),
    bank,
    carrierOf: () => carrier,
    dealerPin: () => DEALER_PIN,
  });
  const sale = await renewals.renew(
    {
      msisdn,
      planId: '5go',
      payment: { method: 'cash', tendered: 6000 },
      idempotencyKey: `key-${msisdn}`,
    },
    clerk,
  );
  await bank.close();
  db.close();
  return { file, sale };
}

/** Runs `comptoir sales transcript` on the database file with these arguments. */
function transcript(file: string, ...args: string[]) {
  return finished(spawnCli(['sales', 'transcript', ...args, '--db', file]));
}

describe('comptoir sales transcript', () => {
  it("prints a sale's modem transcript as a replay file, the dealer PIN masked", async () => {
    const { file, sale } = await soldSale('687654321');
    expect(sale.status).toBe('succeeded');
    const { code, stdout, stderr } = await transcript(file, '--id', String(sale.id));
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const parsed = parseTranscript(stdout);
    if (!parsed.ok) throw new Error(`line ${parsed.line}: ${parsed.message}`);
    expect(parsed.transcript.outcome).toBe(`succeeded, reference ${sale.carrierReference}`);
    expect(parsed.transcript.about.join('\n')).toMatch(/source: the renewal journal/);
    const lines = stdout.split('\n');
    expect(lines).toContain('> AT+CUSD=1,"*123#",15');
    expect(lines).toContain('> AT+CUSD=1,"687654321",15');
    // The PIN's step, as the channel masked it before the journal kept it.
    expect(lines).toContain('> AT+CUSD=1,"••••",15');
    expect(lines).toContain(`# sending -> succeeded at ${sale.updatedAt} by modem:modem-1`);
    // The answer carries a raw GSM code point (é is 0x05), so it is kept as bytes.
    const answers = parsed.transcript.events.flatMap((event) =>
      event.kind === 'receive-bytes' ? [Buffer.from(event.bytes).toString('latin1')] : [],
    );
    expect(answers.at(-1)).toContain('+CUSD: 0,"Recharge 5Go OK pour 687654321. R\x05f TX');
    expect(stdout).not.toContain(DEALER_PIN);
  });

  it('prints the same file inside one JSON document with --json', async () => {
    const { file, sale } = await soldSale('687654321');
    const plain = await transcript(file, '--id', String(sale.id));
    const json = await transcript(file, '--id', String(sale.id), '--json');
    expect(json.code).toBe(0);
    expect(JSON.parse(json.stdout)).toEqual({
      id: sale.id,
      status: sale.status,
      modemId: 'modem-1',
      replay: plain.stdout,
    });
  });

  it.each([
    [['--id', '99'], /No sale 99/],
    [['--id', 'twelve'], /--id is the number of a sale/],
    [[], /--id is the number of a sale/],
  ])('refuses %j with a usage error, changing nothing', async (args, message) => {
    const { file } = await soldSale('687654321');
    const before = fs.readFileSync(file);
    const { code, stderr } = await transcript(file, ...args, '--json');
    expect(code).toBe(2);
    expect(JSON.parse(stderr).error.message).toMatch(message);
    expect(fs.readFileSync(file).equals(before)).toBe(true);
  });

  it('says so when there is no database', async () => {
    const missing = path.join(tempDir(), 'none.sqlite');
    const { code, stderr } = await transcript(missing, '--id', '1');
    expect(code).toBe(2);
    expect(stderr).toMatch(/No database at .*none\.sqlite/);
    expect(fs.existsSync(missing)).toBe(false);
  });
});
