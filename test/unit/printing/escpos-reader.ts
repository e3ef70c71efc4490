import { TextDecoder } from 'node:util';

/**
 * Reads ESC/POS bytes back, for tests: the printed lines as text and the commands in order.
 * Knows only the commands the receipt renderer sends; anything else is an error, so an
 * unexpected command cannot slip through a test.
 */
interface EscPosCommand {
  name:
    | 'initialize'
    | 'font'
    | 'codepage'
    | 'bold'
    | 'align'
    | 'size'
    | 'chinese-on'
    | 'chinese-off'
    | 'qr-model'
    | 'qr-size'
    | 'qr-error-level'
    | 'qr-store'
    | 'qr-print'
    | 'cut'
    | 'drawer-pulse';
  /** The parameter byte (the drawer's pin for a pulse), or for qr-store the stored text. */
  value?: number | string;
  /** Index of the printed line the command came before or in. */
  line: number;
}

interface EscPosReading {
  lines: string[];
  commands: EscPosCommand[];
}

/** Code page 437 above 0x7F, the characters French receipts (and the demo shop's footer) use. */
const cp437: Record<number, string> = {
  128: 'Ç',
  129: 'ü',
  130: 'é',
  131: 'â',
  133: 'à',
  135: 'ç',
  136: 'ê',
  137: 'ë',
  138: 'è',
  139: 'ï',
  140: 'î',
  144: 'É',
  147: 'ô',
  150: 'û',
  151: 'ù',
  174: '«',
  175: '»',
  248: '°',
  250: '·',
};

/** Code page 850 (ESC t 2), where the encoder goes for what cp437 lacks: French capitals. */
const cp850: Record<number, string> = {
  144: 'É',
  182: 'Â',
  183: 'À',
  210: 'Ê',
  212: 'È',
  226: 'Ô',
  234: 'Û',
};

const codepages: Record<number, Record<number, string>> = { 0: cp437, 2: cp850 };

const gbk = new TextDecoder('gbk');

export function readEscPos(bytes: Uint8Array): EscPosReading {
  const lines: string[] = [];
  const commands: EscPosCommand[] = [];
  let line = '';
  let chinese = false;
  let codepage = 0;
  let chineseBytes: number[] = [];
  let at = 0;
  const byte = (offset: number): number => {
    const value = bytes[at + offset];
    if (value === undefined) throw new Error(`ESC/POS ends inside a command at ${at}`);
    return value;
  };
  const command = (name: EscPosCommand['name'], length: number, value?: number | string) => {
    commands.push({ name, line: lines.length, ...(value === undefined ? {} : { value }) });
    at += length;
  };
  while (at < bytes.length) {
    const b = byte(0);
    if (chinese && b >= 0x80) {
      chineseBytes.push(b, byte(1));
      at += 2;
      continue;
    }
    if (chineseBytes.length > 0) {
      line += gbk.decode(Uint8Array.from(chineseBytes));
      chineseBytes = [];
    }
    if (b === 0x1b) {
      const code = byte(1);
      if (code === 0x40) command('initialize', 2);
      else if (code === 0x4d) command('font', 3, byte(2));
      else if (code === 0x74) {
        codepage = byte(2);
        command('codepage', 3, codepage);
      } else if (code === 0x45) command('bold', 3, byte(2));
      else if (code === 0x61) command('align', 3, byte(2));
      else if (code === 0x70) command('drawer-pulse', 5, byte(2));
      else throw new Error(`Unknown ESC ${code.toString(16)} at ${at}`);
    } else if (b === 0x1d) {
      const code = byte(1);
      if (code === 0x21) command('size', 3, byte(2));
      else if (code === 0x56) command('cut', 3, byte(2));
      else if (code === 0x28 && byte(2) === 0x6b) {
        const length = byte(3) + 256 * byte(4);
        const fn = byte(6);
        const data = bytes.subarray(at + 7, at + 5 + length);
        if (byte(5) !== 0x31) throw new Error(`Not a QR function at ${at}`);
        if (fn === 0x41) command('qr-model', 5 + length, data[0]);
        else if (fn === 0x43) command('qr-size', 5 + length, data[0]);
        else if (fn === 0x45) command('qr-error-level', 5 + length, data[0]);
        else if (fn === 0x50) {
          command('qr-store', 5 + length, Buffer.from(data.subarray(1)).toString('latin1'));
        } else if (fn === 0x51) command('qr-print', 5 + length, data[0]);
        else throw new Error(`Unknown QR function ${fn.toString(16)} at ${at}`);
      } else throw new Error(`Unknown GS ${code.toString(16)} at ${at}`);
    } else if (b === 0x1c) {
      const code = byte(1);
      if (code === 0x26) {
        chinese = true;
        command('chinese-on', 2);
      } else if (code === 0x2e) {
        chinese = false;
        command('chinese-off', 2);
      } else throw new Error(`Unknown FS ${code.toString(16)} at ${at}`);
    } else if (b === 0x0a) {
      lines.push(line);
      line = '';
      at += 1;
    } else if (b === 0x0d) {
      at += 1;
    } else if (b >= 0x20 && b < 0x7f) {
      line += String.fromCharCode(b);
      at += 1;
    } else {
      const char = codepages[codepage]?.[b];
      if (char === undefined)
        throw new Error(`Byte ${b.toString(16)} at ${at} is not expected in codepage ${codepage}`);
      line += char;
      at += 1;
    }
  }
  if (line) lines.push(line);
  return { lines, commands };
}
