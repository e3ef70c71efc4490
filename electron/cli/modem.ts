import type { Command } from './command';
import { portOptions, withModem } from './port';

export const modemInfoCommand: Command = {
  name: 'modem info',
  usage: 'modem info --port PATH [--baud N] [--json]',
  summary: 'Identify a modem: maker, model, IMEI, SIM, network, signal.',
  options: { ...portOptions },
  async run({ values, output }) {
    const info = await withModem(values, (modem) => modem.info());
    output.result(
      info,
      [
        `${info.manufacturer ?? '?'} ${info.model ?? '?'} (revision ${info.revision ?? '?'})`,
        `IMEI ${info.imei ?? '?'}  IMSI ${info.imsi ?? '?'}  ICCID ${info.iccid ?? '?'}`,
        `SIM ${info.sim}, network ${info.registration.state}${info.operator ? ` (${info.operator})` : ''}`,
        `signal ${info.signal.bars}/4${info.signal.dbm === null ? '' : ` (${info.signal.dbm} dBm)`}`,
      ].join('\n'),
    );
  },
};
