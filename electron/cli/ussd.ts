import { assertUssdText, createUssdSession, runUssdDialogue } from '../gsm/ussd';
import { type Command, UsageError } from './command';
import { checkInput, modemOptions, timeoutOption, withModem } from './port';

export const ussdCommand: Command = {
  name: 'ussd',
  usage: 'ussd --port PATH CODE [--reply R]... [--timeout S] [--db PATH] [--json]',
  summary: 'Dial a USSD code; each --reply answers the next menu.',
  options: {
    ...modemOptions,
    reply: { type: 'string', multiple: true, default: [] },
    timeout: { type: 'string', default: '30' },
  },
  async run(context) {
    const { values, positionals, output } = context;
    const [code, ...extra] = positionals;
    if (code === undefined || extra.length > 0) throw new UsageError('Give exactly one USSD code');
    const replies = (values.reply as string[] | undefined) ?? [];
    const timeoutMs = timeoutOption(values);
    checkInput(() => {
      for (const text of [code, ...replies]) assertUssdText(text);
    });
    const dialogue = await withModem(context, async (modem) => {
      const session = createUssdSession(modem.channel, { profile: modem.profile });
      const result = await runUssdDialogue(session, code, replies, timeoutMs);
      // A menu nobody answers would hold the modem's only USSD session until the network
      // gives up on it.
      if (session.active) await session.cancel();
      return result;
    });
    output.result(dialogue, `[${dialogue.status}] ${dialogue.text}`);
  },
};
