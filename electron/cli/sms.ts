import {
  createSmsInbox,
  listSimMessages,
  querySms,
  sendSms,
  validateDestination,
} from '../gsm/sms';
import { type Command, UsageError } from './command';
import { checkInput, modemOptions, timeoutOption, withModem } from './port';

function required(values: Record<string, unknown>, ...names: string[]): string[] {
  return names.map((name) => {
    const value = values[name];
    if (typeof value !== 'string' || value === '') throw new UsageError(`--${name} is required`);
    return value;
  });
}

export const smsSendCommand: Command = {
  name: 'sms send',
  usage: 'sms send --port PATH --to NUMBER --text TEXT [--db PATH] [--json]',
  summary: 'Send an SMS (in several parts when it is long).',
  options: { ...modemOptions, to: { type: 'string' }, text: { type: 'string' } },
  async run(context) {
    const { values, output } = context;
    const [to, text] = required(values, 'to', 'text') as [string, string];
    checkInput(() => validateDestination(to));
    const sent = await withModem(context, (modem) => sendSms(modem.channel, { to, text }));
    output.result(
      { parts: sent.parts, references: sent.references },
      `sent in ${sent.parts} part(s), references ${sent.references.join(', ')}`,
    );
  },
};

export const smsListCommand: Command = {
  name: 'sms list',
  usage: 'sms list --port PATH [--db PATH] [--json]',
  summary: 'List the messages stored on the SIM, reassembled (nothing is deleted).',
  options: { ...modemOptions },
  async run(context) {
    const { output } = context;
    const messages = await withModem(context, (modem) => listSimMessages(modem.channel));
    const listed = messages.map(
      ({ indexes, sender, timestamp, text, encoding, complete, truncated, warnings }) => ({
        indexes,
        sender,
        timestamp,
        text,
        encoding,
        complete,
        truncated,
        warnings,
      }),
    );
    output.result(
      listed,
      listed
        .map(
          (m) =>
            `[${m.indexes.join(',')}] ${m.sender} ${m.timestamp}${m.complete ? '' : ' (incomplete)'}${m.truncated ? ' (truncated)' : ''}${m.warnings.map((w) => `\n! part ${w.part}: ${w.message} (${w.code})`).join('')}\n${m.text}`,
        )
        .join('\n\n') || 'no messages on the SIM',
    );
  },
};

export const smsQueryCommand: Command = {
  name: 'sms query',
  usage: 'sms query --port PATH --to NUMBER --text TEXT [--timeout S] [--db PATH] [--json]',
  summary: 'Send a text (e.g. "CXLL 687123456" to a short code) and print the reply.',
  options: {
    ...modemOptions,
    to: { type: 'string' },
    text: { type: 'string' },
    timeout: { type: 'string', default: '60' },
  },
  async run(context) {
    const { values, output } = context;
    const [to, text] = required(values, 'to', 'text') as [string, string];
    checkInput(() => validateDestination(to));
    const timeoutMs = timeoutOption(values);
    const reply = await withModem(context, async (modem) => {
      // The command line stores nothing, so the inbox must not delete anything from the SIM:
      // every save is refused and the messages stay there for the app.
      const inbox = createSmsInbox(modem.channel, {
        store: {
          save() {
            throw new Error('the command line keeps messages on the SIM');
          },
        },
        incompleteAfterMs: timeoutMs,
        sweepEveryMs: 0,
      });
      await inbox.start();
      try {
        return await querySms(modem.channel, inbox, { to, text, timeoutMs });
      } finally {
        inbox.stop();
      }
    });
    output.result(
      reply,
      `${reply.sender} ${reply.timestamp}${reply.truncated ? ' (truncated)' : ''}\n${reply.text}`,
    );
  },
};
