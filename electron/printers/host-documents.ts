import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { ReceiptDocuments } from './documents';
import { MissingProgramError, PrinterError } from './errors';

/** Flags for Debian's Chromium on a machine without a display, a GPU or the network. */
export const headlessChromiumArgs = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

interface HostDocumentsOptions {
  /** Default: CHROMIUM_PATH, else /usr/bin/chromium. */
  chromium?: string;
  /** The environment the programs run in (PATH finds `lp`). */
  env?: NodeJS.ProcessEnv;
}

/** How long Chromium or lp may run; either normally takes a second or two. */
const programTimeoutMs = 60_000;

/**
 * The browser host's printing, in plain Node: the host machine's headless Chromium turns the
 * HTML into a PDF (`--print-to-pdf`), and CUPS (`lp -d DEVICE`) prints that PDF on a system
 * printer with the receipt's page size.
 */
export function hostDocuments(options: HostDocumentsOptions = {}): ReceiptDocuments {
  const env = options.env ?? process.env;
  const chromium = options.chromium ?? env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  const run = (command: string, args: string[], missing: () => MissingProgramError) =>
    runProgram(command, args, { env, timeoutMs: programTimeoutMs, missing });

  /** Writes the HTML's PDF into `dir` and returns its path. */
  async function renderPdf(html: string, dir: string): Promise<string> {
    const page = path.join(dir, 'receipt.html');
    const pdf = path.join(dir, 'receipt.pdf');
    fs.writeFileSync(page, html);
    await run(
      chromium,
      [
        ...headlessChromiumArgs,
        // Its own profile: another Chromium running on the machine holds the default one.
        `--user-data-dir=${path.join(dir, 'profile')}`,
        `--print-to-pdf=${pdf}`,
        '--no-pdf-header-footer',
        pathToFileURL(page).href,
      ],
      () =>
        new MissingProgramError(
          `Chromium (${chromium})`,
          'PDFs are made with it; install it (apt-get install chromium) or set CHROMIUM_PATH',
        ),
    );
    if (!fs.existsSync(pdf)) throw new PrinterError('Chromium ended without writing the PDF');
    return pdf;
  }

  return {
    htmlToPdf: (html) => inTempDir(async (dir) => fs.readFileSync(await renderPdf(html, dir))),
    printOnSystem: (html, deviceName, page) =>
      inTempDir(async (dir) => {
        const pdf = await renderPdf(html, dir);
        // `--` ends the options: a device name can never be read as one.
        await run(
          'lp',
          [
            '-d',
            deviceName,
            '-o',
            `media=Custom.${page.width / 100}x${page.height / 100}mm`,
            '--',
            pdf,
          ],
          () =>
            new MissingProgramError(
              'The lp command (CUPS)',
              'system printers are reached through it; install cups-client',
            ),
        );
      }),
  };
}

async function inTempDir<T>(work: (dir: string) => Promise<T>): Promise<T> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'comptoir-print-'));
  try {
    return await work(dir);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** Runs a program to its end; fails with the end of what it said when it does not succeed. */
function runProgram(
  command: string,
  args: string[],
  options: { env: NodeJS.ProcessEnv; timeoutMs: number; missing: () => MissingProgramError },
): Promise<void> {
  const name = path.basename(command);
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { env: options.env, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk) => {
      stderr = (stderr + chunk).slice(-4000);
    });
    const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs);
    child.on('error', (error: NodeJS.ErrnoException) => {
      clearTimeout(timer);
      reject(
        error.code === 'ENOENT' ? options.missing() : new PrinterError(`${name}: ${error.message}`),
      );
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      if (code === 0) resolve();
      else if (signal === 'SIGKILL')
        reject(new PrinterError(`${name} did not finish within ${options.timeoutMs / 1000} s`));
      else
        reject(new PrinterError(`${name} failed (exit ${code ?? signal}): ${lastLines(stderr)}`));
    });
  });
}

function lastLines(text: string): string {
  return text.trim().split('\n').slice(-3).join(' / ') || 'it said nothing';
}
