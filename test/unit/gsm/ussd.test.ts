import { describe, expect, it } from 'vitest';
import { AtNotSentError, AtTimeoutError, createAtChannel } from '../../../electron/gsm/channel';
import { genericProfile } from '../../../electron/gsm/profiles';
import {
  createUssdSession,
  runUssdDialogue,
  UssdBusyError,
  UssdInputError,
} from '../../../electron/gsm/ussd';
import { shippedModemProfiles } from '../../support/modem-profiles';
import { impatientChannel, type Script, scriptedModem, stallingModem } from './scripted-modem';
import { steppedClock } from './stepped-clock';

const ok = '\r\nOK\r\n';
const huawei =
  (await shippedModemProfiles()).find((profile) => profile.id === 'huawei') ?? genericProfile;

function session(
  script: Script,
  profile = genericProfile,
  remembered?: 'plain' | 'gsm7-packed-hex',
) {
  const modem = scriptedModem((command) => (command.startsWith('AT+CSCS=') ? ok : script(command)));
  const learned: string[] = [];
  const time = steppedClock();
  const ussd = createUssdSession(createAtChannel(modem.client, { clock: time.clock }), {
    profile,
    remembered,
    onLearned: (encoding) => learned.push(encoding),
    clock: time.clock,
  });
  const sent = () => modem.received.filter((line) => line.startsWith('AT+CUSD'));
  return { ussd, sent, learned, time };
}

describe('USSD', () => {
  it('takes an answer that arrives before the OK (python-gsmmodem transcript)', async () => {
    const { ussd } = session(() => `\r\n+CUSD: 0,"Available Balance: R 96.45 .",15\r\n${ok}`);
    expect(await ussd.start('*101#', 1000)).toEqual({
      sent: '*101#',
      status: 'done',
      m: 0,
      text: 'Available Balance: R 96.45 .',
      dcs: 15,
    });
    expect(ussd.active).toBe(false);
  });

  it('takes an answer that arrives after the OK', async () => {
    const { ussd } = session(() => `${ok}\r\n+CUSD: 0,"Solde: 1 250 XPF",15\r\n`);
    expect((await ussd.start('*100#', 1000)).text).toBe('Solde: 1 250 XPF');
  });

  it('packs the request for a Huawei stick and decodes its packed answer', async () => {
    const { ussd, sent } = session(
      () =>
        `${ok}\r\n+CUSD: 0,"49B41C74ACD3D16171D90D32FBE52072BA0C72CA5DB45CAC76C3CD6CB41B2D060389CB74F9FE4C07D55C371CA85897BF1B",15\r\n`,
      huawei,
    );
    const step = await ussd.start('*100#', 1000);
    expect(sent()).toEqual(['AT+CUSD=1,"AA180C3602",15']);
    expect(step.text).toBe('Ihr Guthaben für die Nr.4915783647410 beträgt 5.78 Euro');
  });

  it('falls back to the next encoding when the modem refuses one, and remembers what worked', async () => {
    const { ussd, sent, learned } = session((command) =>
      command === 'AT+CUSD=1,"*100#",15'
        ? '\r\nERROR\r\n'
        : `${ok}\r\n+CUSD: 0,"Solde: 500 XPF",15\r\n`,
    );
    expect((await ussd.start('*100#', 1000)).text).toBe('Solde: 500 XPF');
    expect(learned).toEqual(['gsm7-packed-hex']);
    await ussd.start('*100#', 1000);
    expect(sent()).toEqual([
      'AT+CUSD=1,"*100#",15',
      'AT+CUSD=1,"AA180C3602",15',
      'AT+CUSD=1,"AA180C3602",15',
    ]);
  });

  it('falls back when the network says the request is not supported (+CUSD: 4)', async () => {
    const { ussd, sent } = session((command) =>
      command === 'AT+CUSD=1,"*100#",15'
        ? `${ok}\r\n+CUSD: 4\r\n`
        : `${ok}\r\n+CUSD: 0,"Solde: 9 XPF",15\r\n`,
    );
    expect((await ussd.start('*100#', 1000)).text).toBe('Solde: 9 XPF');
    expect(sent()).toHaveLength(2);
  });

  it('never sends a request twice once the modem accepted it, even with no answer', async () => {
    const { ussd, sent, time } = session(() => ok);
    const step = await time.drive(ussd.start('*123*687123456*2#', 100));
    expect(step.status).toBe('timeout');
    expect(sent()).toEqual(['AT+CUSD=1,"*123*687123456*2#",15']);
  });

  it('walks a carrier menu, keeping every line of it', async () => {
    const answers: Record<string, string> = {
      '*123#': '+CUSD: 1,"1 Recharge forfait\n2 Solde",15',
      '1': '+CUSD: 1,"Numero client ?",15',
      '687123456': '+CUSD: 0,"Recharge OK. Ref TX48213",15',
    };
    const { ussd } = session((command) => {
      const sent = /^AT\+CUSD=1,"(.*)",15$/.exec(command)?.[1] ?? '';
      return `${ok}\r\n${(answers[sent] ?? '').replaceAll('\n', '\r\n')}\r\n`;
    });
    const dialogue = await runUssdDialogue(ussd, '*123#', ['1', '687123456'], 1000);
    expect(dialogue).toEqual({
      status: 'done',
      m: 0,
      text: 'Recharge OK. Ref TX48213',
      dcs: 15,
      steps: [
        { sent: '*123#', m: 1, text: '1 Recharge forfait\n2 Solde' },
        { sent: '1', m: 1, text: 'Numero client ?' },
        { sent: '687123456', m: 0, text: 'Recharge OK. Ref TX48213' },
      ],
    });
  });

  it('masks a secret reply (the dealer PIN) in the step and the transcript', async () => {
    const transcript: string[] = [];
    const modem = scriptedModem((command) =>
      command.startsWith('AT+CSCS=')
        ? ok
        : `${ok}\r\n+CUSD: ${command.includes('*123#') ? 1 : 0},"OK",15\r\n`,
    );
    const ussd = createUssdSession(
      createAtChannel(modem.client, { transcript: ({ text }) => transcript.push(text) }),
      { profile: genericProfile },
    );
    await ussd.start('*123#', 1000);
    const step = await ussd.reply('4821', 1000, { secret: true });
    expect(step.sent).toBe('••••');
    expect(transcript.join('\n')).not.toContain('4821');
    expect(modem.received).toContain('AT+CUSD=1,"4821",15');
  });

  it('masks a secret code (one that carries the dealer PIN) in the step and the transcript', async () => {
    const transcript: string[] = [];
    const modem = scriptedModem((command) =>
      command.startsWith('AT+CSCS=') ? ok : `${ok}\r\n+CUSD: 0,"OK",15\r\n`,
    );
    const ussd = createUssdSession(
      createAtChannel(modem.client, { transcript: ({ text }) => transcript.push(text) }),
      { profile: genericProfile },
    );
    const step = await ussd.start('*123*687123456*2*4821#', 1000, { secret: true });
    expect(step).toMatchObject({ status: 'done', sent: '•'.repeat(22) });
    expect(transcript.join('\n')).not.toContain('4821');
    expect(modem.received).toContain('AT+CUSD=1,"*123*687123456*2*4821#",15');
  });

  it('never sends a plain request while the modem is stuck in UCS2', async () => {
    // Field note 10: the request is read in the +CSCS charset. This modem took UCS2, refused
    // the UCS2 request, then refused to go back to GSM.
    const modem = scriptedModem((command) => {
      if (command === 'AT+CSCS="UCS2"') return ok;
      if (command.startsWith('AT+CSCS=')) return '\r\nERROR\r\n';
      return `${ok}\r\n+CUSD: 4\r\n`;
    });
    const ussd = createUssdSession(createAtChannel(modem.client), {
      profile: genericProfile,
      remembered: 'ucs2-hex',
    });
    expect(await ussd.start('*123#', 1000)).toMatchObject({ status: 'error' });
    expect(modem.received.filter((line) => line.startsWith('AT+CUSD'))).toEqual([
      'AT+CUSD=1,"002A0031003200330023",15',
    ]);
  });

  it('sends plain text to a modem that refuses +CSCS from the start', async () => {
    const modem = scriptedModem((command) =>
      command.startsWith('AT+CSCS=')
        ? '\r\nERROR\r\n'
        : `${ok}\r\n+CUSD: 0,"Solde revendeur: 250 000 XPF",15\r\n`,
    );
    const ussd = createUssdSession(createAtChannel(modem.client), { profile: genericProfile });
    expect(await ussd.start('*100#', 1000)).toMatchObject({
      status: 'done',
      text: 'Solde revendeur: 250 000 XPF',
    });
  });

  it('ignores stray release notices around a session', async () => {
    const { ussd } = session(
      () =>
        `${ok}\r\n+CUSD: 2,"Initiating Release",15\r\n\r\n+CUSD: 3\r\n\r\n+CUSD: 2\r\n\r\n+CUSD: 0,"Solde: 7 XPF",15\r\n`,
    );
    expect((await ussd.start('*100#', 1000)).text).toBe('Solde: 7 XPF');
  });

  it('reports a session ended by the network with its text', async () => {
    const { ussd } = session(
      () =>
        `${ok}\r\n+CUSD: 2,"Maaf, permintaan Anda tidak dapat kami proses. Silakan coba beberapa saat lagi.",0\r\n`,
    );
    const step = await ussd.start('*100#', 1000);
    expect(step.status).toBe('ended');
    expect(step.text).toBe(
      'Maaf, permintaan Anda tidak dapat kami proses. Silakan coba beberapa saat lagi.',
    );
  });

  it('allows one session per modem, and cancels an open menu with AT+CUSD=2', async () => {
    const { ussd, sent } = session((command) =>
      command === 'AT+CUSD=2' ? ok : `${ok}\r\n+CUSD: 1,"1 Oui 2 Non",15\r\n`,
    );
    await ussd.start('*123#', 1000);
    await expect(ussd.start('*100#', 1000)).rejects.toBeInstanceOf(UssdBusyError);
    await ussd.cancel();
    expect(ussd.active).toBe(false);
    expect(sent()).toEqual(['AT+CUSD=1,"*123#",15', 'AT+CUSD=2']);
  });

  it.each(['*100#"\r\nATD112;', '*100#,15', '', 'CXLL', '*1'.repeat(81)])(
    'refuses %j before writing anything',
    async (code) => {
      const { ussd, sent } = session(() => ok);
      await expect(ussd.start(code, 1000)).rejects.toBeInstanceOf(UssdInputError);
      expect(sent()).toEqual([]);
    },
  );
});

const TOP_UP = '*123*1*687123456*2*1234#';

describe('USSD top-ups on a modem out of step', () => {
  it('dials a top-up once, even when a stale ERROR reaches the line after a failed resync', async () => {
    // The modem stalls for a few seconds (network search, SIM refresh). The inbox's AT+CMGD
    // times out, resync gives up, and the top-up's AT+CUSD=1 goes onto the line. When the modem
    // wakes up it answers everything in order: the CMGD's +CMS ERROR lands on the AT+CUSD=1.
    const modem = stallingModem(
      (command) => {
        if (command.startsWith('AT+CMGD')) return '\r\n+CMS ERROR: 321\r\n';
        if (command.startsWith('AT+CUSD=1,'))
          return `${ok}\r\n+CUSD: 0,"Recharge 5Go OK pour 687123456",15\r\n`;
        return ok;
      },
      { stalled: false },
    );
    const { time, channel } = impatientChannel(modem.client);
    const ussd = createUssdSession(channel, { profile: genericProfile, clock: time.clock });
    // An earlier session selected the charset and learned the encoding.
    expect((await time.drive(ussd.start('*100#', 1_000))).status).toBe('done');

    modem.stall();
    const deletion = channel.run('AT+CMGD=3', { kind: 'sim', timeoutMs: 100 }).catch((e) => e);
    // Handled at once: it settles while the test waits for the modem to wake.
    const topUp = ussd.start(TOP_UP, 3_000).catch((error: unknown) => error);
    expect(await time.drive(deletion)).toBeInstanceOf(AtTimeoutError);
    await time.step(400);
    await modem.wake();
    // Resync gave up while the modem stalled: the top-up is refused without being written, so
    // the journal records it as failed before sending, and no stale answer can reach it.
    expect(await time.drive(topUp)).toBeInstanceOf(AtNotSentError);
    await time.step(100);

    const dialled = modem.received.filter(
      (line) => line.startsWith('AT+CUSD=1,') && !line.includes('*100#'),
    );
    expect(dialled).toEqual([]);
  });

  it('counts the answer time from when AT+CUSD=1 is written, not from when it was queued', async () => {
    // A long SMS is being sent (AT+CMGS takes 300 ms on a slow network) when the clerk starts a
    // top-up with a 250 ms answer window; the network answers 50 ms after the request.
    const time = steppedClock();
    const modem = scriptedModem((command) => {
      if (command.startsWith('AT+CMGS')) {
        time.clock.setTimeout(
          () => void modem.modem.write(Buffer.from(`\r\n+CMGS: 7\r\n${ok}`)),
          300,
        );
        return null;
      }
      if (command.startsWith('AT+CUSD=1,')) {
        time.clock.setTimeout(
          () =>
            void modem.modem.write(Buffer.from('\r\n+CUSD: 0,"Recharge 5Go OK. Ref TX1",15\r\n')),
          50,
        );
        return ok;
      }
      return ok;
    });
    const channel = createAtChannel(modem.client, { clock: time.clock });
    const ussd = createUssdSession(channel, { profile: genericProfile, clock: time.clock });
    // An earlier session of the day already selected the charset (AT+CSCS is not asked again).
    expect((await time.drive(ussd.start('*100#', 1_000))).status).toBe('done');
    void channel.run('AT+CMGS=5', { kind: 'network' });
    const step = await time.drive(ussd.start(TOP_UP, 250));
    // Once, the step timed out (the journal would have said "unknown"), though the network
    // answered 50 ms after the request was written.
    expect(step.status).toBe('done');
  });

  it('does not take the late answer of a timed-out top-up as the answer of the next one', async () => {
    // Top-up A is accepted (OK) but its answer comes late; the clerk's next top-up B is refused
    // by the network. B must not be reported with A's confirmation.
    const time = steppedClock();
    let dialled = 0;
    const modem = scriptedModem((command) => {
      if (!command.startsWith('AT+CUSD=1,')) return ok;
      dialled++;
      const [answer, delay] =
        dialled === 1
          ? // A's answer: 150 ms late (after A's 100 ms window).
            ['Recharge 5Go OK pour 687123456. Ref TX1', 150]
          : ['Solde revendeur insuffisant', 100];
      time.clock.setTimeout(
        () => void modem.modem.write(Buffer.from(`\r\n+CUSD: 0,"${answer}",15\r\n`)),
        delay as number,
      );
      return ok;
    });
    const ussd = createUssdSession(createAtChannel(modem.client, { clock: time.clock }), {
      profile: genericProfile,
      lateAnswerMs: 2_000,
      clock: time.clock,
    });
    const a = await time.drive(ussd.start('*123*1*687123456*2*1234#', 100));
    expect(a.status).toBe('timeout');
    // A's answer may still come: B is refused before anything is written.
    await expect(time.drive(ussd.start('*123*1*687654321*2*1234#', 1_000))).rejects.toBeInstanceOf(
      UssdBusyError,
    );
    expect(dialled).toBe(1);
    // A's late confirmation arrives (it is evidence for A, never B's); then B can go.
    await time.step(100);
    const b = await time.drive(ussd.start('*123*1*687654321*2*1234#', 1_000));
    expect(b.text).toBe('Solde revendeur insuffisant');
  });

  it('says how long it waits for a late answer, and tells when that answer frees the line', async () => {
    const time = steppedClock();
    const modem = scriptedModem((command) => {
      if (!command.startsWith('AT+CUSD=1,')) return ok;
      time.clock.setTimeout(
        () => void modem.modem.write(Buffer.from('\r\n+CUSD: 0,"Recharge 1Go OK. Ref TX2",15\r\n')),
        500,
      );
      return ok;
    });
    const ussd = createUssdSession(createAtChannel(modem.client, { clock: time.clock }), {
      profile: genericProfile,
      lateAnswerMs: 2_000,
      clock: time.clock,
    });
    let freed = 0;
    ussd.onLineFreed(() => freed++);
    expect(ussd.lateAnswerWaitMs()).toBe(0);
    const step = await time.drive(ussd.start('*123*1*687999999*1*1234#', 100));
    expect(step.status).toBe('timeout');
    expect(ussd.lateAnswerWaitMs()).toBeGreaterThan(1_900);
    expect(ussd.lateAnswerWaitMs()).toBeLessThanOrEqual(2_000);
    await time.step(200);
    expect(ussd.lateAnswerWaitMs()).toBeLessThanOrEqual(1_800);
    expect(freed).toBe(0);
    await time.step(300);
    expect(freed).toBe(1);
    expect(ussd.lateAnswerWaitMs()).toBe(0);
  });

  it('hands over the late answer that comes within the wait, decoded, once', async () => {
    const time = steppedClock();
    const modem = scriptedModem((command) => {
      if (!command.startsWith('AT+CUSD=1,')) return ok;
      time.clock.setTimeout(
        () => void modem.modem.write(Buffer.from('\r\n+CUSD: 0,"Recharge 1Go OK. Ref TX2",15\r\n')),
        500,
      );
      return ok;
    });
    const ussd = createUssdSession(createAtChannel(modem.client, { clock: time.clock }), {
      profile: genericProfile,
      lateAnswerMs: 2_000,
      clock: time.clock,
    });
    const heard: unknown[] = [];
    ussd.onLateAnswer((answer) => heard.push(answer));
    expect((await time.drive(ussd.start('*123*1*687999999*1*1234#', 100))).status).toBe('timeout');
    await time.step(500);
    expect(heard).toEqual([{ status: 'done', m: 0, text: 'Recharge 1Go OK. Ref TX2', dcs: 15 }]);
    // A stray answer after it is nobody's late answer.
    await modem.modem.write(Buffer.from('\r\n+CUSD: 0,"Recharge 1Go OK. Ref TX2",15\r\n'));
    await time.step(50);
    expect(heard).toHaveLength(1);
  });

  it('hands over no answer that comes after the wait, and none that a request waits for', async () => {
    const time = steppedClock();
    let dialled = 0;
    const modem = scriptedModem((command) => {
      if (!command.startsWith('AT+CUSD=1,')) return ok;
      dialled++;
      if (dialled === 1) {
        time.clock.setTimeout(
          () =>
            void modem.modem.write(Buffer.from('\r\n+CUSD: 0,"Recharge 5Go OK. Ref TX1",15\r\n')),
          2_500,
        );
        return ok;
      }
      return `${ok}\r\n+CUSD: 0,"Solde 900",15\r\n`;
    });
    const ussd = createUssdSession(createAtChannel(modem.client, { clock: time.clock }), {
      profile: genericProfile,
      lateAnswerMs: 2_000,
      clock: time.clock,
    });
    const heard: unknown[] = [];
    ussd.onLateAnswer((answer) => heard.push(answer));
    expect((await time.drive(ussd.start('*123*1*687123456*2*1234#', 100))).status).toBe('timeout');
    await time.step(2_600);
    expect(heard).toEqual([]);
    expect(await time.drive(ussd.start('*100#', 1_000))).toMatchObject({ text: 'Solde 900' });
    expect(heard).toEqual([]);
  });

  it('lets a request refuse an answer as not its own: it waits on for its own, and the refused one is handed over', async () => {
    const time = steppedClock();
    let dialled = 0;
    const answer = (text: string, afterMs: number) =>
      time.clock.setTimeout(
        () => void modem.modem.write(Buffer.from(`\r\n+CUSD: 0,"${text}",15\r\n`)),
        afterMs,
      );
    const modem = scriptedModem((command) => {
      if (!command.startsWith('AT+CUSD=1,')) return ok;
      dialled++;
      // The first top-up is answered after its wait, while the second waits for its answer.
      answer(
        dialled === 1
          ? 'Recharge 1Go OK pour 687654321. Ref TX1'
          : 'Recharge 5Go OK pour 687123456. Ref TX2',
        dialled === 1 ? 2_500 : 600,
      );
      return ok;
    });
    const ussd = createUssdSession(createAtChannel(modem.client, { clock: time.clock }), {
      profile: genericProfile,
      lateAnswerMs: 2_000,
      clock: time.clock,
    });
    const heard: unknown[] = [];
    ussd.onLateAnswer((late) => heard.push(late.text));
    expect((await time.drive(ussd.start('*123*1*687654321*1*1234#', 100))).status).toBe('timeout');
    await time.step(2_100);
    expect(ussd.lateAnswerWaitMs()).toBe(0);

    const own = await time.drive(
      ussd.start('*123*1*687123456*2*1234#', 1_000, {
        accepts: (candidate) => !candidate.text.includes('687654321'),
      }),
    );

    expect(own).toMatchObject({ status: 'done', text: 'Recharge 5Go OK pour 687123456. Ref TX2' });
    expect(heard).toEqual(['Recharge 1Go OK pour 687654321. Ref TX1']);
  });

  it('does not take the late answer of a top-up whose AT+CUSD=1 itself timed out', async () => {
    // The modem takes A but its OK never comes in time; A's answer comes 3 s later. B, asked
    // meanwhile, is refused; once A's answer came, C goes and gets its own.
    const time = steppedClock();
    let dialled = 0;
    const modem = scriptedModem((command) => {
      if (!command.startsWith('AT+CUSD=1,')) return ok;
      dialled++;
      if (dialled === 1) {
        time.clock.setTimeout(
          () =>
            void modem.modem.write(
              Buffer.from(`${ok}\r\n+CUSD: 0,"Recharge 5Go OK pour 687123456. Ref TX1",15\r\n`),
            ),
          3_000,
        );
        return null;
      }
      return `${ok}\r\n+CUSD: 0,"Solde revendeur insuffisant",15\r\n`;
    });
    const ussd = createUssdSession(createAtChannel(modem.client, { clock: time.clock }), {
      profile: genericProfile,
      clock: time.clock,
    });
    await expect(time.drive(ussd.start('*123*1*687123456*2*1234#', 1_000))).rejects.toBeInstanceOf(
      AtTimeoutError,
    );
    await expect(time.drive(ussd.start('*123*1*687654321*2*1234#', 1_000))).rejects.toBeInstanceOf(
      UssdBusyError,
    );
    expect(dialled).toBe(1);
    await time.step(2_000);
    const c = await time.drive(ussd.start('*123*1*687654321*2*1234#', 1_000));
    expect(c).toMatchObject({ status: 'done', text: 'Solde revendeur insuffisant' });
  });

  it('frees the modem when the menu whose reply timed out is released by AT+CUSD=2', async () => {
    // The carrier's menu answers the dial, then never the reply; the session is ended with
    // AT+CUSD=2 and the modem prints the release. The next customer's request goes out at once.
    const time = steppedClock();
    const modem = scriptedModem((command) => {
      if (command.startsWith('AT+CUSD=1,"*123#"')) return `${ok}\r\n+CUSD: 1,"1 Recharge",15\r\n`;
      if (command === 'AT+CUSD=1,"1",15') return ok;
      if (command === 'AT+CUSD=2') return `${ok}\r\n+CUSD: 2\r\n`;
      if (command.startsWith('AT+CUSD=1,"*100#"')) return `${ok}\r\n+CUSD: 0,"Solde 900",15\r\n`;
      return ok;
    });
    const ussd = createUssdSession(createAtChannel(modem.client, { clock: time.clock }), {
      profile: genericProfile,
      clock: time.clock,
    });
    expect((await time.drive(ussd.start('*123#', 1_000))).status).toBe('menu');
    expect((await time.drive(ussd.reply('1', 1_000))).status).toBe('timeout');
    expect(modem.received).toContain('AT+CUSD=2');
    expect(await time.drive(ussd.start('*100#', 1_000))).toMatchObject({
      status: 'done',
      text: 'Solde 900',
    });
  });

  it('keeps holding a modem whose timed-out request saw only a stray release notice', async () => {
    // No AT+CUSD=2 was sent: a bare "+CUSD: 2" may come before the late answer itself
    // (field notes point 9), so it frees nothing.
    const time = steppedClock();
    const modem = scriptedModem(() => ok);
    const ussd = createUssdSession(createAtChannel(modem.client, { clock: time.clock }), {
      profile: genericProfile,
      clock: time.clock,
    });
    expect((await time.drive(ussd.start('*123*1#', 100))).status).toBe('timeout');
    await modem.modem.write(Buffer.from('\r\n+CUSD: 2\r\n'));
    await time.step(50);
    await expect(time.drive(ussd.start('*100#', 1_000))).rejects.toBeInstanceOf(UssdBusyError);
  });

  it('keeps one USSD session per modem even when two callers each make a session object', async () => {
    // createUssdSession is per call (as `comptoir ussd` does): two top-ups on one modem at the
    // same time must not both take the first +CUSD answer.
    const time = steppedClock();
    const modem = scriptedModem((command) => {
      const code = /^AT\+CUSD=1,"(.*)",15$/.exec(command)?.[1];
      if (!code) return ok;
      const customer = code.split('*')[3];
      time.clock.setTimeout(
        () =>
          void modem.modem.write(Buffer.from(`\r\n+CUSD: 0,"Recharge OK pour ${customer}",15\r\n`)),
        30,
      );
      return ok;
    });
    const channel = createAtChannel(modem.client, { clock: time.clock });
    const first = createUssdSession(channel, { profile: genericProfile, clock: time.clock });
    const second = createUssdSession(channel, { profile: genericProfile, clock: time.clock });
    const [a, b] = await time.drive(
      Promise.allSettled([
        first.start('*123*1*687111111*2*1234#', 1_000),
        second.start('*123*1*687222222*2*1234#', 1_000),
      ]),
    );
    expect(a).toMatchObject({ status: 'fulfilled', value: { text: 'Recharge OK pour 687111111' } });
    // Either refused as busy, or with its own answer. Once, it was fulfilled with
    // "Recharge OK pour 687111111": the other customer's confirmation.
    if (b.status === 'fulfilled') expect(b.value.text).toBe('Recharge OK pour 687222222');
    else expect(b.reason).toBeInstanceOf(UssdBusyError);
  });
});
