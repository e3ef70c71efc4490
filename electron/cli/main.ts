import path from 'node:path';
import { parseArgs } from 'node:util';
import { atCommand } from './at';
import { type Command, UsageError } from './command';
import { modemInfoCommand } from './modem';
import { pduDecodeCommand, pduEncodeCommand } from './pdu';
import { serveCommand } from './serve';
import { waitForSignals } from './signals';
import { simulateCommand } from './simulate';
import { smsListCommand, smsQueryCommand, smsSendCommand } from './sms';
import { ussdCommand } from './ussd';

const commands: readonly Command[] = [
  serveCommand,
  modemInfoCommand,
  atCommand,
  ussdCommand,
  smsSendCommand,
  smsListCommand,
  smsQueryCommand,
  pduDecodeCommand,
  pduEncodeCommand,
  simulateCommand,
];

function help(): string {
  const lines = commands.map((command) => `  comptoir ${command.usage}\n      ${command.summary}`);
  return `Usage:\n${lines.join('\n')}\n\nEvery command takes --json to print one JSON document on stdout.`;
}

function findCommand(args: string[]): { command: Command; rest: string[] } | null {
  for (const command of commands) {
    const words = command.name.split(' ');
    if (words.every((word, index) => args[index] === word)) {
      return { command, rest: args.slice(words.length) };
    }
  }
  return null;
}

/** Runs the command line; resolves with the exit code. */
export async function runCli(args: string[], rendererDir: string): Promise<number> {
  if (args.length === 0 || args[0] === '--help' || args[0] === 'help') {
    process.stdout.write(`${help()}\n`);
    return args.length === 0 ? 2 : 0;
  }
  const found = findCommand(args);
  if (!found) {
    process.stderr.write(`comptoir: unknown command "${args.join(' ')}"\n\n${help()}\n`);
    return 2;
  }
  const { command, rest } = found;
  const json = rest.includes('--json');
  try {
    const parsed = parseArgs({
      args: rest,
      options: { ...command.options, json: { type: 'boolean', default: false } },
      allowPositionals: true,
      strict: true,
    });
    await command.run({
      values: parsed.values,
      positionals: parsed.positionals,
      rendererDir,
      signals: waitForSignals(process),
      output: {
        result(document, text) {
          process.stdout.write(json ? `${JSON.stringify(document)}\n` : `${text}\n`);
        },
      },
    });
    return 0;
  } catch (error) {
    const usage =
      error instanceof UsageError ||
      (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS');
    const message = error instanceof Error ? error.message : String(error);
    if (json) {
      process.stderr.write(
        `${JSON.stringify({ error: { code: usage ? 'usage' : 'failed', message } })}\n`,
      );
    } else {
      process.stderr.write(`comptoir ${command.name}: ${message}\n`);
      if (usage) process.stderr.write(`usage: comptoir ${command.usage}\n`);
    }
    return usage ? 2 : 1;
  }
}

// Built to out/main/cli.js; the renderer is built beside it in out/renderer.
runCli(process.argv.slice(2), path.join(__dirname, '../renderer')).then((code) => {
  process.exitCode = code;
});
