import { describeFinal } from '../gsm/channel';
import { type Command, UsageError } from './command';
import { portOptions, timeoutOption, withChannel } from './port';

export const atCommand: Command = {
  name: 'at',
  usage: 'at --port PATH [--baud N] [--timeout S] COMMAND [--json]',
  summary: 'Send one raw AT command (for technicians) and print the answer.',
  options: { ...portOptions, timeout: { type: 'string', default: '10' } },
  async run({ values, positionals, output }) {
    const [command, ...extra] = positionals;
    if (command === undefined || extra.length > 0) {
      throw new UsageError('Give exactly one AT command, quoted if it has spaces');
    }
    const timeoutMs = timeoutOption(values);
    const answer = await withChannel(values, (channel) => channel.run(command, { timeoutMs }));
    output.result(
      { lines: answer.lines, final: answer.final },
      [...answer.lines, describeFinal(answer.final)].join('\n'),
    );
  },
};
