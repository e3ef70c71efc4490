/**
 * Raw exchanges with the generic modem: the bytes a client writes and the exact bytes the modem
 * sends back (echo included, since a modem echoes until ATE0).
 */
import { describe, expect, it } from 'vitest';
import { bench } from './harness';

interface Row {
  says: string;
  send: string;
  answer: string;
  before?: string[];
}

const ok = (echo: string, ...lines: string[]) =>
  `${echo}\r${lines.length > 0 ? `\r\n${lines.join('\r\n')}\r\n` : ''}\r\nOK\r\n`;
const error = (echo: string, line = 'ERROR') => `${echo}\r\r\n${line}\r\n`;
const CMEE1 = ['AT+CMEE=1\r'];

const rows: Row[] = [
  // V.250 basics
  { says: 'AT is answered OK', send: 'AT\r', answer: ok('AT') },
  { says: 'commands are case-insensitive', send: 'at\r', answer: ok('at') },
  { says: 'ATZ resets and answers OK', send: 'ATZ\r', answer: ok('ATZ') },
  { says: 'AT&F restores factory settings', send: 'AT&F\r', answer: ok('AT&F') },
  {
    says: 'ATE0 is echoed, then echo stops',
    send: 'AT\r',
    before: ['ATE0\r'],
    answer: '\r\nOK\r\n',
  },
  { says: 'ATE1 turns echo back on', send: 'AT\r', before: ['ATE0\r', 'ATE1\r'], answer: ok('AT') },
  { says: 'ATZ turns echo back on', send: 'AT\r', before: ['ATE0\r', 'ATZ\r'], answer: ok('AT') },
  {
    says: 'ATI prints the identity',
    send: 'ATI\r',
    answer: ok(
      'ATI',
      'Manufacturer: Comptoir',
      'Model: SIM-1 simulated modem',
      'Revision: SIM-1.0.0',
      'IMEI: 356938035643809',
      '+GCAP: +CGSM,+DS,+ES',
    ),
  },
  { says: 'basic commands chain', send: 'ATE1Q0V1\r', answer: ok('ATE1Q0V1') },
  { says: 'numeric results (ATV0) are refused', send: 'ATV0\r', answer: error('ATV0') },
  { says: 'S-registers are accepted', send: 'ATS0=0\r', answer: ok('ATS0=0') },
  { says: 'S-registers read as 000', send: 'ATS7?\r', answer: ok('ATS7?', '000') },
  { says: 'noise before the AT prefix is ignored', send: 'xyzAT\r', answer: ok('xyzAT') },
  // Errors and AT+CMEE
  { says: 'an unknown command is ERROR', send: 'AT+FOO\r', answer: error('AT+FOO') },
  {
    says: 'with CMEE=1 an unknown command is +CME ERROR: 4',
    send: 'AT+FOO\r',
    before: CMEE1,
    answer: error('AT+FOO', '+CME ERROR: 4'),
  },
  {
    says: 'with CMEE=2 errors are verbose',
    send: 'AT+FOO\r',
    before: ['AT+CMEE=2\r'],
    answer: error('AT+FOO', '+CME ERROR: operation not supported'),
  },
  { says: 'AT+CMEE? reads the mode', send: 'AT+CMEE?\r', answer: ok('AT+CMEE?', '+CMEE: 0') },
  { says: 'AT+CMEE=? lists modes', send: 'AT+CMEE=?\r', answer: ok('AT+CMEE=?', '+CMEE: (0-2)') },
  { says: 'AT+CMEE=7 is refused', send: 'AT+CMEE=7\r', answer: error('AT+CMEE=7') },
  {
    says: 'bad arguments are +CME ERROR: 50',
    send: 'AT+CMEE=7\r',
    before: CMEE1,
    answer: error('AT+CMEE=7', '+CME ERROR: 50'),
  },
  {
    says: 'commands before an unreadable tail run, then the line fails',
    send: 'AT+CSQ;!!\r',
    answer: 'AT+CSQ;!!\r\r\n+CSQ: 21,99\r\n\r\nERROR\r\n',
  },
  // Power and identity
  {
    says: 'AT+CFUN? is full functionality',
    send: 'AT+CFUN?\r',
    answer: ok('AT+CFUN?', '+CFUN: 1'),
  },
  { says: 'AT+CFUN=1 is OK', send: 'AT+CFUN=1\r', answer: ok('AT+CFUN=1') },
  {
    says: 'AT+CFUN=? lists modes',
    send: 'AT+CFUN=?\r',
    answer: ok('AT+CFUN=?', '+CFUN: (0,1,4),(0-1)'),
  },
  { says: 'AT+CGMI: manufacturer', send: 'AT+CGMI\r', answer: ok('AT+CGMI', 'Comptoir') },
  { says: 'AT+CGMM: model', send: 'AT+CGMM\r', answer: ok('AT+CGMM', 'SIM-1 simulated modem') },
  { says: 'AT+CGMR: revision', send: 'AT+CGMR\r', answer: ok('AT+CGMR', 'SIM-1.0.0') },
  { says: 'AT+CGSN: IMEI', send: 'AT+CGSN\r', answer: ok('AT+CGSN', '356938035643809') },
  { says: 'AT+CIMI: IMSI', send: 'AT+CIMI\r', answer: ok('AT+CIMI', '546010123456789') },
  {
    says: 'AT+CCID: ICCID',
    send: 'AT+CCID\r',
    answer: ok('AT+CCID', '+CCID: 89687010000123456788'),
  },
  { says: 'no Huawei ^ICCID here', send: 'AT^ICCID?\r', answer: error('AT^ICCID?') },
  { says: 'no Quectel +QCCID here', send: 'AT+QCCID\r', answer: error('AT+QCCID') },
  { says: 'no Huawei ^CURC here', send: 'AT^CURC=0\r', answer: error('AT^CURC=0') },
  // SIM
  { says: 'AT+CPIN? is READY', send: 'AT+CPIN?\r', answer: ok('AT+CPIN?', '+CPIN: READY') },
  {
    says: 'a PIN for a ready SIM is not allowed',
    send: 'AT+CPIN="1234"\r',
    before: CMEE1,
    answer: error('AT+CPIN="1234"', '+CME ERROR: 3'),
  },
  // Network
  { says: 'AT+CREG? answers n and stat', send: 'AT+CREG?\r', answer: ok('AT+CREG?', '+CREG: 0,1') },
  {
    says: 'AT+CREG=2 adds LAC and cell',
    send: 'AT+CREG?\r',
    before: ['AT+CREG=2\r'],
    answer: ok('AT+CREG?', '+CREG: 2,1,"8BE3","2BAF"'),
  },
  { says: 'AT+CREG=? lists modes', send: 'AT+CREG=?\r', answer: ok('AT+CREG=?', '+CREG: (0-2)') },
  { says: 'AT+CREG=3 is refused', send: 'AT+CREG=3\r', answer: error('AT+CREG=3') },
  { says: 'AT+CGREG? answers', send: 'AT+CGREG?\r', answer: ok('AT+CGREG?', '+CGREG: 0,1') },
  {
    says: 'AT+CGREG=1 shows n=1',
    send: 'AT+CGREG?\r',
    before: ['AT+CGREG=1\r'],
    answer: ok('AT+CGREG?', '+CGREG: 1,1'),
  },
  {
    says: 'AT+CEREG=2 adds TAC, cell and AcT',
    send: 'AT+CEREG?\r',
    before: ['AT+CEREG=2\r'],
    answer: ok('AT+CEREG?', '+CEREG: 2,1,"00A1","00002BAF",7'),
  },
  { says: 'AT+CSQ: signal', send: 'AT+CSQ\r', answer: ok('AT+CSQ', '+CSQ: 21,99') },
  {
    says: 'AT+COPS? long name',
    send: 'AT+COPS?\r',
    answer: ok('AT+COPS?', '+COPS: 0,0,"NC Mobile Demo",7'),
  },
  {
    says: 'AT+COPS=3,2 switches to numeric',
    send: 'AT+COPS?\r',
    before: ['AT+COPS=3,2\r'],
    answer: ok('AT+COPS?', '+COPS: 0,2,"54601",7'),
  },
  {
    says: 'AT+COPS=3,1 switches to the short name',
    send: 'AT+COPS?\r',
    before: ['AT+COPS=3,1\r'],
    answer: ok('AT+COPS?', '+COPS: 0,1,"NCMOBILE",7'),
  },
  {
    says: 'AT+COPS=3,0 back to the long name',
    send: 'AT+COPS?\r',
    before: ['AT+COPS=3,2\r', 'AT+COPS=3,0\r'],
    answer: ok('AT+COPS?', '+COPS: 0,0,"NC Mobile Demo",7'),
  },
  {
    says: 'AT+COPS=? lists the network',
    send: 'AT+COPS=?\r',
    answer: ok('AT+COPS=?', '+COPS: (2,"NC Mobile Demo","NCMOBILE","54601",7),,(0-4),(0-2)'),
  },
  // Character set
  { says: 'AT+CSCS? is GSM', send: 'AT+CSCS?\r', answer: ok('AT+CSCS?', '+CSCS: "GSM"') },
  {
    says: 'AT+CSCS=? lists charsets',
    send: 'AT+CSCS=?\r',
    answer: ok('AT+CSCS=?', '+CSCS: ("GSM","IRA","UCS2")'),
  },
  {
    says: 'AT+CSCS="UCS2" is kept',
    send: 'AT+CSCS?\r',
    before: ['AT+CSCS="UCS2"\r'],
    answer: ok('AT+CSCS?', '+CSCS: "UCS2"'),
  },
  {
    says: 'AT+CSCS="IRA" is kept',
    send: 'AT+CSCS?\r',
    before: ['AT+CSCS="IRA"\r'],
    answer: ok('AT+CSCS?', '+CSCS: "IRA"'),
  },
  {
    says: 'an unknown charset is refused',
    send: 'AT+CSCS="8859-1"\r',
    answer: error('AT+CSCS="8859-1"'),
  },
  // SMS settings
  { says: 'AT+CMGF? is PDU', send: 'AT+CMGF?\r', answer: ok('AT+CMGF?', '+CMGF: 0') },
  { says: 'AT+CMGF=0 is OK', send: 'AT+CMGF=0\r', answer: ok('AT+CMGF=0') },
  { says: 'AT+CMGF=? offers PDU only', send: 'AT+CMGF=?\r', answer: ok('AT+CMGF=?', '+CMGF: (0)') },
  {
    says: 'text mode is refused with +CMS ERROR: 303',
    send: 'AT+CMGF=1\r',
    before: CMEE1,
    answer: error('AT+CMGF=1', '+CMS ERROR: 303'),
  },
  {
    says: 'AT+CNMI is kept',
    send: 'AT+CNMI?\r',
    before: ['AT+CNMI=2,1,0,0,0\r'],
    answer: ok('AT+CNMI?', '+CNMI: 2,1,0,0,0'),
  },
  { says: 'AT+CNMI starts silent', send: 'AT+CNMI?\r', answer: ok('AT+CNMI?', '+CNMI: 0,0,0,0,0') },
  {
    says: 'AT+CNMI=? lists ranges',
    send: 'AT+CNMI=?\r',
    answer: ok('AT+CNMI=?', '+CNMI: (0-2),(0-3),(0,2),(0-2),(0,1)'),
  },
  { says: 'AT+CNMI out of range is refused', send: 'AT+CNMI=5\r', answer: error('AT+CNMI=5') },
  {
    says: 'AT+CPMS? shows the SIM storage',
    send: 'AT+CPMS?\r',
    answer: ok('AT+CPMS?', '+CPMS: "SM",0,30,"SM",0,30,"SM",0,30'),
  },
  {
    says: 'AT+CPMS="SM",... answers the counts',
    send: 'AT+CPMS="SM","SM","SM"\r',
    answer: ok('AT+CPMS="SM","SM","SM"', '+CPMS: 0,30,0,30,0,30'),
  },
  {
    says: 'AT+CPMS=? lists storages',
    send: 'AT+CPMS=?\r',
    answer: ok('AT+CPMS=?', '+CPMS: ("SM"),("SM"),("SM")'),
  },
  {
    says: 'phone storage is refused',
    send: 'AT+CPMS="ME"\r',
    before: CMEE1,
    answer: error('AT+CPMS="ME"', '+CMS ERROR: 302'),
  },
  {
    says: 'AT+CSCA? shows the service centre',
    send: 'AT+CSCA?\r',
    answer: ok('AT+CSCA?', '+CSCA: "+687900100",145'),
  },
  {
    says: 'AT+CSCA= changes it',
    send: 'AT+CSCA?\r',
    before: ['AT+CSCA="+687900200",145\r'],
    answer: ok('AT+CSCA?', '+CSCA: "+687900200",145'),
  },
  {
    says: 'AT+CSMS? shows phase 2+ support',
    send: 'AT+CSMS?\r',
    answer: ok('AT+CSMS?', '+CSMS: 0,1,1,1'),
  },
  {
    says: 'reading an empty slot is +CMS ERROR: 321',
    send: 'AT+CMGR=1\r',
    before: CMEE1,
    answer: error('AT+CMGR=1', '+CMS ERROR: 321'),
  },
  { says: 'listing an empty SIM is just OK', send: 'AT+CMGL=4\r', answer: ok('AT+CMGL=4') },
  { says: 'AT+CMGL=? lists stats', send: 'AT+CMGL=?\r', answer: ok('AT+CMGL=?', '+CMGL: (0-4)') },
  {
    says: 'a text-mode stat is refused in PDU mode',
    send: 'AT+CMGL="ALL"\r',
    before: CMEE1,
    answer: error('AT+CMGL="ALL"', '+CMS ERROR: 304'),
  },
  { says: 'deleting an empty slot is OK', send: 'AT+CMGD=1\r', answer: ok('AT+CMGD=1') },
  { says: 'deleting everything is OK', send: 'AT+CMGD=1,4\r', answer: ok('AT+CMGD=1,4') },
  {
    says: 'deleting past the SIM is +CMS ERROR: 321',
    send: 'AT+CMGD=31\r',
    before: CMEE1,
    answer: error('AT+CMGD=31', '+CMS ERROR: 321'),
  },
  {
    says: 'AT+CMGS prompts for the PDU',
    send: 'AT+CMGS=23\r',
    answer: 'AT+CMGS=23\r\r\n> ',
  },
  {
    says: 'a length no TPDU can have is refused before the prompt',
    send: 'AT+CMGS=400\r',
    before: CMEE1,
    answer: error('AT+CMGS=400', '+CMS ERROR: 304'),
  },
  {
    says: 'chained extended commands share one OK',
    send: 'AT+CMGF=0;+CNMI=2,1,0,0,0\r',
    answer: ok('AT+CMGF=0;+CNMI=2,1,0,0,0'),
  },
  {
    says: 'chained read commands print each answer',
    send: 'AT+CSQ;+CFUN?\r',
    answer: 'AT+CSQ;+CFUN?\r\r\n+CSQ: 21,99\r\n\r\n+CFUN: 1\r\n\r\nOK\r\n',
  },
  // USSD
  { says: 'AT+CUSD? shows presentation', send: 'AT+CUSD?\r', answer: ok('AT+CUSD?', '+CUSD: 1') },
  { says: 'AT+CUSD=? lists modes', send: 'AT+CUSD=?\r', answer: ok('AT+CUSD=?', '+CUSD: (0-2)') },
  { says: 'AT+CUSD=1 enables presentation', send: 'AT+CUSD=1\r', answer: ok('AT+CUSD=1') },
  { says: 'AT+CUSD=2 cancels (nothing open)', send: 'AT+CUSD=2\r', answer: ok('AT+CUSD=2') },
  {
    says: 'AT+CUSD=0 hides USSD answers',
    send: 'AT+CUSD?\r',
    before: ['AT+CUSD=0\r'],
    answer: ok('AT+CUSD?', '+CUSD: 0'),
  },
  {
    says: 'a USSD request is answered after OK',
    send: 'AT+CUSD=1,"*100#",15\r',
    answer: `${ok('AT+CUSD=1,"*100#",15')}\r\n+CUSD: 0,"Solde revendeur: 250 000 XPF",15\r\n`,
  },
  {
    says: 'the DCS argument is optional',
    send: 'AT+CUSD=1,"*100#"\r',
    answer: `${ok('AT+CUSD=1,"*100#"')}\r\n+CUSD: 0,"Solde revendeur: 250 000 XPF",15\r\n`,
  },
  {
    says: 'an unknown service code is +CUSD: 4',
    send: 'AT+CUSD=1,"*555#",15\r',
    answer: `${ok('AT+CUSD=1,"*555#",15')}\r\n+CUSD: 4\r\n`,
  },
  {
    says: 'with AT+CUSD=0 the request is sent but its answer not shown',
    send: 'AT+CUSD=0,"*100#",15\r',
    answer: ok('AT+CUSD=0,"*100#",15'),
  },
];

describe('the generic simulated modem answers', () => {
  it.each(rows)('$says', async ({ send, answer, before }) => {
    const modem = bench();
    expect(await modem.answer(send, before ? { before } : {})).toBe(answer);
  });

  it('says nothing to a line without the AT prefix, and echoes it', async () => {
    const modem = bench();
    await modem.send('hello\r');
    await modem.settle();
    expect(modem.take()).toBe('hello\r');
    expect(await modem.answer('AT\r')).toBe(ok('AT'));
  });

  it('cancels the SMS prompt on ESC with OK', async () => {
    const modem = bench();
    await modem.answer('AT+CMGS=23\r');
    expect(await modem.answer('0011\x1b')).toBe('0011\r\nOK\r\n');
    expect(modem.modem.state.carrier.topUps).toEqual([]);
  });

  it('goes off the network with AT+CFUN=0 and back with AT+CFUN=1', async () => {
    const modem = bench();
    await modem.answer('AT+CMEE=1\r');
    await modem.answer('AT+CFUN=0\r');
    expect(await modem.answer('AT+CREG?\r')).toBe(ok('AT+CREG?', '+CREG: 0,0'));
    expect(await modem.answer('AT+CSQ\r')).toBe(ok('AT+CSQ', '+CSQ: 99,99'));
    expect(await modem.answer('AT+COPS?\r')).toBe(ok('AT+COPS?', '+COPS: 0'));
    expect(await modem.answer('AT+CUSD=1,"*100#",15\r')).toBe(
      error('AT+CUSD=1,"*100#",15', '+CME ERROR: 30'),
    );
    await modem.answer('AT+CFUN=1\r');
    expect(await modem.answer('AT+CREG?\r')).toBe(ok('AT+CREG?', '+CREG: 0,1'));
  });

  it('reports registration changes as +CREG, +CGREG and +CEREG URCs in their own form', async () => {
    const modem = bench();
    await modem.answer('AT+CREG=1;+CGREG=2;+CEREG=2\r');
    expect(await modem.answer('AT+CFUN=4\r')).toBe(
      `${ok('AT+CFUN=4')}\r\n+CREG: 0\r\n\r\n+CGREG: 0\r\n\r\n+CEREG: 0\r\n`,
    );
    expect(await modem.answer('AT+CFUN=1\r')).toBe(
      `${ok('AT+CFUN=1')}\r\n+CREG: 2\r\n\r\n+CGREG: 2\r\n\r\n+CEREG: 2\r\n` +
        '\r\n+CREG: 1\r\n\r\n+CGREG: 1,"8BE3","2BAF"\r\n\r\n+CEREG: 1,"00A1","00002BAF",7\r\n',
    );
    modem.modem.setRegistration(5);
    await modem.settle();
    expect(modem.take()).toBe(
      '\r\n+CREG: 5\r\n\r\n+CGREG: 5,"8BE3","2BAF"\r\n\r\n+CEREG: 5,"00A1","00002BAF",7\r\n',
    );
  });
});
