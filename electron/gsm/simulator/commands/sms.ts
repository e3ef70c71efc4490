/**
 * SMS in PDU mode (27.005): storage, reading, listing, deleting, sending through the `> `
 * prompt, and how new messages are announced (+CNMI). Text mode is refused: PDU mode is what
 * robust clients use (field notes, point 13), and text mode varies by vendor anyway.
 */
import { type DecodedPdu, decodePdu } from '../../codecs';
import { CMS, cms, type Final, OK, UNKNOWN_COMMAND } from '../answers';
import { argumentsOf, numberArgument } from '../command-line';
import type { MessageStat } from '../message-store';
import type { CommandContext, CommandSpec } from './context';

const BAD_ARGUMENTS = cms(CMS.operationNotAllowed);
/** The longest SMS-SUBMIT TPDU: header, 12-octet address, validity and 140 octets of data. */
const MAX_TPDU_OCTETS = 164;
const CNMI_RANGES: ReadonlyArray<readonly number[]> = [
  [0, 1, 2],
  [0, 1, 2, 3],
  [0, 2],
  [0, 1, 2],
  [0, 1],
];

function storageCounts(context: CommandContext): string {
  const { used, capacity } = context.messages;
  return `${used},${capacity}`;
}

function smsCommand(
  name: string,
  run: (
    values: ReturnType<typeof argumentsOf>,
    context: CommandContext,
    form: string,
  ) => Final | Promise<Final>,
  options: Partial<Pick<CommandSpec, 'touchesSim' | 'needsUnlockedSim'>> = {},
): CommandSpec {
  return {
    name,
    ...options,
    run: (command, context) => run(argumentsOf(command), context, command.form),
  };
}

function decodeSubmit(hex: string, tpduLength: number): DecodedPdu | null {
  try {
    const decoded = decodePdu(hex, { tpduLength });
    // A modem refuses to send a flawed PDU (+CMS ERROR 304) even where a reader would read it.
    return decoded.type === 'SMS-SUBMIT' && decoded.warnings.length === 0 ? decoded : null;
  } catch {
    return null;
  }
}

async function sendMessage(length: number | null, context: CommandContext): Promise<Final> {
  if (length === null || length < 7 || length > MAX_TPDU_OCTETS)
    return cms(CMS.invalidPduParameter);
  const body = await context.prompt();
  if (body.ending === 'cancel') return OK;
  const submit = decodeSubmit(body.text.trim(), length);
  if (submit?.type !== 'SMS-SUBMIT') return cms(CMS.invalidPduParameter);
  if (context.radio.registration !== 1 && context.radio.registration !== 5) {
    return cms(CMS.noNetworkService);
  }
  await context.networkDelay();
  context.answer(`+CMGS: ${context.submitSms(submit)}`);
  return OK;
}

export const SMS_COMMANDS: readonly CommandSpec[] = [
  smsCommand('+CMGF', (values, context, form) => {
    if (form === 'read') context.answer(`+CMGF: ${context.settings.messageFormat}`);
    else if (form === 'test') context.answer('+CMGF: (0)');
    else if (form !== 'set') return UNKNOWN_COMMAND;
    else if (numberArgument(values, 0) !== 0) return cms(CMS.operationNotSupported);
    return OK;
  }),
  smsCommand('+CNMI', (values, context, form) => {
    if (form === 'read') context.answer(`+CNMI: ${context.settings.cnmi.join(',')}`);
    else if (form === 'test') context.answer('+CNMI: (0-2),(0-3),(0,2),(0-2),(0,1)');
    else if (form !== 'set') return UNKNOWN_COMMAND;
    else {
      const next = [...context.settings.cnmi] as typeof context.settings.cnmi;
      for (let i = 0; i < values.length; i++) {
        if (values[i]?.text === '') continue;
        const value = numberArgument(values, i);
        if (value === null || !CNMI_RANGES[i]?.includes(value)) return BAD_ARGUMENTS;
        next[i] = value;
      }
      context.settings.cnmi = next;
    }
    return OK;
  }),
  smsCommand('+CSMS', (values, context, form) => {
    if (form === 'read') context.answer('+CSMS: 0,1,1,1');
    else if (form === 'test') context.answer('+CSMS: (0,1)');
    else if (form !== 'set') return UNKNOWN_COMMAND;
    else if (numberArgument(values, 0) === null) return BAD_ARGUMENTS;
    else context.answer('+CSMS: 1,1,1');
    return OK;
  }),
  smsCommand(
    '+CPMS',
    (values, context, form) => {
      const counts = storageCounts(context);
      if (form === 'read') context.answer(`+CPMS: "SM",${counts},"SM",${counts},"SM",${counts}`);
      else if (form === 'test') context.answer('+CPMS: ("SM"),("SM"),("SM")');
      else if (form !== 'set') return UNKNOWN_COMMAND;
      // One storage: the SIM. Asking for the phone's ("ME") is refused, as on SIM-only sticks.
      else if (values.length === 0 || values.some((value) => value.text.toUpperCase() !== 'SM')) {
        return BAD_ARGUMENTS;
      } else context.answer(`+CPMS: ${counts},${counts},${counts}`);
      return OK;
    },
    { touchesSim: true, needsUnlockedSim: 'cms' },
  ),
  smsCommand(
    '+CSCA',
    (values, context, form) => {
      if (form === 'test') return OK;
      if (form === 'read') {
        const { smsc } = context.settings;
        context.answer(`+CSCA: "${smsc}",${smsc.startsWith('+') ? 145 : 129}`);
        return OK;
      }
      if (form !== 'set') return UNKNOWN_COMMAND;
      const number = values[0]?.text ?? '';
      if (!/^\+?\d{1,20}$/.test(number)) return BAD_ARGUMENTS;
      context.settings.smsc = number;
      return OK;
    },
    { touchesSim: true, needsUnlockedSim: 'cms' },
  ),
  smsCommand(
    '+CMGR',
    (values, context, form) => {
      if (form === 'test') return OK;
      if (form !== 'set') return UNKNOWN_COMMAND;
      const index = numberArgument(values, 0);
      const message = index === null ? null : context.messages.read(index);
      if (!message) return cms(CMS.invalidMemoryIndex);
      context.answer(`+CMGR: ${message.stat},,${message.tpduLength}`, message.pdu);
      return OK;
    },
    { touchesSim: true, needsUnlockedSim: 'cms' },
  ),
  smsCommand(
    '+CMGL',
    (values, context, form) => {
      if (form === 'test') {
        context.answer('+CMGL: (0-4)');
        return OK;
      }
      // 27.005: without a <stat>, the received unread messages.
      const stat = form === 'execute' ? 0 : numberArgument(values, 0);
      if (stat === null || stat > 4) return cms(CMS.invalidPduParameter);
      const listed = context.messages.list(stat as MessageStat | 4);
      const lines = listed.flatMap((message) => [
        `+CMGL: ${message.index},${message.stat},,${message.tpduLength}`,
        message.pdu,
      ]);
      context.answer(...lines);
      return OK;
    },
    { touchesSim: true, needsUnlockedSim: 'cms' },
  ),
  smsCommand(
    '+CMGD',
    (values, context, form) => {
      const { messages } = context;
      if (form === 'test') {
        const indexes = messages.snapshot().map((message) => message.index);
        context.answer(`+CMGD: (${indexes.join(',')}),(0-4)`);
        return OK;
      }
      if (form !== 'set') return UNKNOWN_COMMAND;
      const index = numberArgument(values, 0);
      const flag = numberArgument(values, 1) ?? 0;
      if (index === null || flag > 4) return BAD_ARGUMENTS;
      if (flag === 0 && !messages.isValidIndex(index)) return cms(CMS.invalidMemoryIndex);
      messages.delete(index, flag);
      return OK;
    },
    { touchesSim: true, needsUnlockedSim: 'cms' },
  ),
  {
    name: '+CMGS',
    touchesSim: true,
    needsUnlockedSim: 'cms',
    run: (command, context) => {
      if (command.form === 'test') return OK;
      if (command.form !== 'set') return UNKNOWN_COMMAND;
      if (context.settings.messageFormat !== 0) return cms(CMS.operationNotAllowed);
      return sendMessage(numberArgument(argumentsOf(command), 0), context);
    },
  },
];
