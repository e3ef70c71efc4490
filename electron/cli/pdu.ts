import { type DecodedPdu, decodePdu, encodeSubmit, PduError } from '../gsm/codecs';
import { type Command, UsageError } from './command';

/** The stable shape `comptoir pdu decode --json` prints (documented in the README). */
function describePdu(pdu: DecodedPdu) {
  const common = {
    smsc: pdu.smsc,
    text: pdu.text,
    encoding: pdu.encoding,
    concat: pdu.concat,
    truncated: pdu.truncated,
    warnings: pdu.warnings,
  };
  switch (pdu.type) {
    case 'SMS-DELIVER':
      return { type: pdu.type, ...common, sender: pdu.sender, timestamp: pdu.timestamp };
    case 'SMS-SUBMIT':
      return { type: pdu.type, ...common, recipient: pdu.recipient, reference: pdu.reference };
    case 'SMS-STATUS-REPORT':
      return {
        type: pdu.type,
        ...common,
        recipient: pdu.recipient,
        timestamp: pdu.sent,
        reference: pdu.reference,
        status: pdu.status,
        discharged: pdu.discharged,
      };
  }
}

function refusePdu(error: unknown): never {
  if (error instanceof PduError) throw new UsageError(`${error.message} (${error.code})`);
  throw error;
}

export const pduDecodeCommand: Command = {
  name: 'pdu decode',
  usage: 'pdu decode HEX [--json]',
  summary: 'Decode an SMS PDU as +CMGR prints it (SMSC included).',
  options: {},
  async run({ positionals, output }) {
    const [hex, ...extra] = positionals;
    if (hex === undefined || extra.length > 0) throw new UsageError('Give exactly one PDU in hex');
    let decoded: ReturnType<typeof describePdu>;
    try {
      decoded = describePdu(decodePdu(hex.trim()));
    } catch (error) {
      refusePdu(error);
    }
    const party = 'sender' in decoded ? `from ${decoded.sender}` : `to ${decoded.recipient}`;
    const part = decoded.concat
      ? ` (part ${decoded.concat.part} of ${decoded.concat.total}, ref ${decoded.concat.ref})`
      : '';
    output.result(
      decoded,
      `${decoded.type} ${party}${'timestamp' in decoded ? ` at ${decoded.timestamp}` : ''}, ${decoded.encoding}${part}${decoded.truncated ? ' (truncated)' : ''}${decoded.warnings.map((w) => `\n! ${w.message} (${w.code})`).join('')}\n${decoded.text}`,
    );
  },
};

export const pduEncodeCommand: Command = {
  name: 'pdu encode',
  usage: 'pdu encode --to NUMBER --text TEXT [--smsc NUMBER] [--json]',
  summary: 'Encode a text as SMS-SUBMIT PDUs (several parts when it is long).',
  options: { to: { type: 'string' }, text: { type: 'string' }, smsc: { type: 'string' } },
  async run({ values, output }) {
    if (typeof values.to !== 'string' || typeof values.text !== 'string') {
      throw new UsageError('--to and --text are required');
    }
    let pdus: { hex: string; length: number }[];
    try {
      pdus = encodeSubmit({
        to: values.to,
        text: values.text,
        ...(typeof values.smsc === 'string' ? { smsc: values.smsc } : {}),
      });
    } catch (error) {
      refusePdu(error);
    }
    output.result({ pdus }, pdus.map((pdu) => `AT+CMGS=${pdu.length}\n${pdu.hex}`).join('\n'));
  },
};
