import path from 'node:path';
import { parseArgs } from 'node:util';
import { type Command, UsageError } from './command';
import { waitForSignals } from './signals';

// Each command is loaded only when it runs: `comptoir ussd` must not pay for loading the
// database, the web server and the API schemas (cold start is part of its benchmark).
const commands: readonly { name: string; load: () => Promise<Command> }[] = [
  { name: 'serve', load: async () => (await import('./serve')).serveCommand },
  { name: 'pair', load: async () => (await import('./pair')).pairCommand },
  { name: 'modem info', load: async () => (await import('./modem')).modemInfoCommand },
  { name: 'at', load: async () => (await import('./at')).atCommand },
  { name: 'ussd', load: async () => (await import('./ussd')).ussdCommand },
  { name: 'sms send', load: async () => (await import('./sms')).smsSendCommand },
  { name: 'sms list', load: async () => (await import('./sms')).smsListCommand },
  { name: 'sms query', load: async () => (await import('./sms')).smsQueryCommand },
  { name: 'pdu decode', load: async () => (await import('./pdu')).pduDecodeCommand },
  { name: 'pdu encode', load: async () => (await import('./pdu')).pduEncodeCommand },
  { name: 'simulate', load: async () => (await import('./simulate')).simulateCommand },
  { name: 'sales transcript', load: async () => (await import('./sales')).salesTranscriptCommand },
  { name: 'verify', load: async () => (await import('./verify')).verifyCommand },
  { name: 'backup list', load: async () => (await import('./backup')).backupListCommand },
  { name: 'backup now', load: async () => (await import('./backup')).backupNowCommand },
  { name: 'backup restore', load: async () => (await import('./backup')).backupRestoreCommand },
  // `archive verify` before `archive`: the first name whose words match is the command.
  { name: 'archive verify', load: async () => (await import('./archive')).archiveVerifyCommand },
  { name: 'archive', load: async () => (await import('./archive')).archiveCommand },
  { name: 'hq serve', load: async () => (await import('./hq')).hqServeCommand },
];

async function help(): Promise<string> {
  const loaded = await Promise.all(commands.map((entry) => entry.load()));
  const lines = loaded.map((command) => `  comptoir ${command.usage}\n      ${command.summary}`);
  return `Usage:\n${lines.join('\n')}\n\nEvery command takes --json to print one JSON document on stdout.`;
}

function findCommand(args: string[]) {
  for (const entry of commands) {
    const words = entry.name.split(' ');
    if (words.every((word, index) => args[index] === word)) {
      return { entry, rest: args.slice(words.length) };
    }
  }
  return null;
}

/** Runs the command line; resolves with the exit code. */
export async function runCli(
  args: string[],
  dirs: { rendererDir: string; carriersDir: string; modemsDir: string },
): Promise<number> {
  if (args.length === 0 || args[0] === '--help' || args[0] === 'help') {
    process.stdout.write(`${await help()}\n`);
    return args.length === 0 ? 2 : 0;
  }
  const found = findCommand(args);
  if (!found) {
    process.stderr.write(`comptoir: unknown command "${args.join(' ')}"\n\n${await help()}\n`);
    return 2;
  }
  const command = await found.entry.load();
  const { rest } = found;
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
      ...dirs,
      signals: waitForSignals(process),
      output: {
        result(document, text) {
          process.stdout.write(json ? `${JSON.stringify(document)}\n` : `${text}\n`);
        },
        warn(message) {
          process.stderr.write(`comptoir ${command.name}: ${message}\n`);
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

// Built to out/main/cli.js; the renderer is built beside it in out/renderer. Paths are taken
// here, in the entry: the commands are bundled into chunks in another folder.
runCli(process.argv.slice(2), {
  rendererDir: path.join(__dirname, '../renderer'),
  carriersDir: path.join(__dirname, '../../resources/carriers'),
  modemsDir: path.join(__dirname, '../../resources/modems'),
}).then((code) => {
  process.exitCode = code;
});
