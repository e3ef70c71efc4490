/**
 * A simulated HiLink stick's behind-the-page state: its session tokens, its USSD session and SMS
 * inbox, playing the simulated carrier (../simulator/carrier-network.ts) so the demo carrier's
 * menus answer over HiLink as over AT. No HTTP here: simulator.ts serves it.
 */
import { randomBytes } from 'node:crypto';
import type { Clock } from '../clock';
import type { CarrierBehaviour } from '../simulator/carrier';
import { localWallClock } from '../simulator/carrier-format';
import { createCarrierNetwork } from '../simulator/carrier-network';

export interface SimulatedStickOptions {
  carrier: CarrierBehaviour;
  clock: Clock;
  /** How long the network takes to answer a USSD request or an SMS (default 0). */
  networkLatencyMs?: number;
  /** How long the stick waits for a USSD answer before it says 111020 (default 30 s). */
  ussdTimeoutMs?: number;
  identity?: Partial<StickIdentity>;
}

export interface StickIdentity {
  deviceName: string;
  imei: string;
  imsi: string;
  iccid: string;
  softwareVersion: string;
}

type Ussd =
  | { state: 'idle' }
  | { state: 'waiting-network' }
  | { state: 'answered'; text: string }
  | { state: 'failed'; code: number };

export type StickReply =
  | { ok: true; fields: Record<string, unknown> | 'OK' }
  | { ok: false; code: number };

const ok = (fields: Record<string, unknown> | 'OK' = 'OK'): StickReply => ({ ok: true, fields });
const refuse = (code: number): StickReply => ({ ok: false, code });

export function createSimulatedStick(options: SimulatedStickOptions) {
  const { carrier, clock } = options;
  const network = createCarrierNetwork(carrier, () => clock.now());
  const latency = options.networkLatencyMs ?? 0;
  const identity: StickIdentity = {
    deviceName: 'E3372h-320',
    imei: '867000000000017',
    imsi: `${carrier.operator.numeric}0000000017`,
    iccid: '8968700000000000017',
    softwareVersion: '11.0.2.1(H697SP1C983)',
    ...options.identity,
  };
  /** Session id → the tokens it may still use (one per POST). */
  const sessions = new Map<string, Set<string>>();
  let ussd: Ussd = { state: 'idle' };
  let generation = 0;
  let menuTimer: unknown = null;
  const inbox = new Map<number, { phone: string; content: string; date: string }>();
  let nextIndex = 40000;
  let signalDbm = -67;
  let registered = true;
  let answering = true;

  const newToken = () => randomBytes(16).toString('hex');
  /** Timers not fired yet: a stopped stick clears them, so nothing keeps the process alive. */
  const timers = new Set<unknown>();
  const later = (ms: number, run: () => void) => {
    const handle = clock.setTimeout(() => {
      timers.delete(handle);
      run();
    }, ms);
    timers.add(handle);
    return handle;
  };

  function deliver(from: string, text: string) {
    const date = localWallClock(clock.now(), carrier.utcOffsetMinutes).replace('T', ' ');
    inbox.set(nextIndex++, { phone: from, content: text, date });
  }

  function ussdSend(content: string): StickReply {
    if (ussd.state === 'waiting-network') return refuse(111013);
    if (menuTimer !== null) {
      clock.clearTimeout(menuTimer);
      timers.delete(menuTimer);
    }
    menuTimer = null;
    const answer = network.waitsForReply
      ? network.ussdReply(content)
      : network.ussdRequest(content);
    const asked = ++generation;
    ussd = { state: 'waiting-network' };
    if (answer.kind === 'silent') {
      later(options.ussdTimeoutMs ?? 30_000, () => {
        if (asked === generation) ussd = { state: 'failed', code: 111020 };
      });
      return ok();
    }
    later(latency, () => {
      if (asked !== generation) return;
      if (answer.kind === 'not-supported') {
        ussd = { state: 'failed', code: 111022 };
        return;
      }
      ussd = { state: 'answered', text: answer.text };
      if (answer.waitsForReply) {
        menuTimer = later(carrier.ussd.menuTimeoutMs, () => {
          if (asked === generation) network.endUssd();
        });
      }
    });
    return ok();
  }

  function ussdGet(): StickReply {
    if (ussd.state === 'answered') {
      const { text } = ussd;
      ussd = { state: 'idle' };
      return ok({ content: text });
    }
    if (ussd.state === 'failed') {
      const { code } = ussd;
      ussd = { state: 'idle' };
      return refuse(code);
    }
    return refuse(111019);
  }

  return {
    network,
    identity,

    /** GET /api/webserver/SesTokInfo: the caller's session kept (or a new one), a new token. */
    sessionToken(cookieSession: string | null): { session: string; token: string } {
      const session = cookieSession && sessions.has(cookieSession) ? cookieSession : newToken();
      const token = newToken();
      const tokens = sessions.get(session) ?? new Set<string>();
      tokens.add(token);
      sessions.set(session, tokens);
      return { session, token };
    },

    /** Whether the session exists (every page but SesTokInfo wants one). */
    knows: (session: string | null) => session !== null && sessions.has(session),

    /**
     * Spends a POST's token: true when it was one of the session's; its successor is then
     * returned for the answer's header, and the spent one is refused from now on.
     */
    spendToken(session: string | null, token: string | null): string | null {
      const tokens = session === null ? undefined : sessions.get(session);
      if (!tokens || token === null || !tokens.delete(token)) return null;
      const next = newToken();
      tokens.add(next);
      return next;
    },

    /** Answers one API call (session and token already checked). */
    call(
      method: 'GET' | 'POST',
      path: string,
      request: Record<string, string>,
      phones: string[],
    ): StickReply {
      if (!answering) return refuse(100004);
      const route = `${method} ${path}`;
      switch (route) {
        case 'GET /api/device/information':
          return ok({
            DeviceName: identity.deviceName,
            SerialNumber: 'L8FDW00000000017',
            Imei: identity.imei,
            Imsi: identity.imsi,
            Iccid: identity.iccid,
            Msisdn: '',
            HardwareVersion: 'CL2E3372HM',
            SoftwareVersion: identity.softwareVersion,
            WebUIVersion: 'WEBUI 11.0.1.1(W13SP2C7201)',
            MacAddress1: '0C:5B:8F:27:9A:64',
            ProductFamily: 'LTE',
            Classify: 'hilink',
            supportmode: 'LTE|WCDMA|GSM',
            workmode: 'LTE',
          });
        case 'GET /api/device/signal':
          return ok({
            rssi: `${signalDbm}dBm`,
            rsrp: '-95dBm',
            rsrq: '-9.0dB',
            sinr: '12dB',
            mode: 7,
          });
        case 'GET /api/monitoring/status':
          return ok({
            ConnectionStatus: registered ? 901 : 902,
            SignalIcon: 4,
            CurrentNetworkType: registered ? 19 : 0,
            ServiceStatus: registered ? 2 : 1,
            RoamingStatus: 0,
            SimStatus: 1,
            maxsignal: 5,
          });
        case 'GET /api/net/current-plmn':
          return registered
            ? ok({
                State: 0,
                FullName: carrier.operator.long,
                ShortName: carrier.operator.short,
                Numeric: carrier.operator.numeric,
                Rat: 7,
              })
            : ok({ State: 1, FullName: '', ShortName: '', Numeric: '', Rat: '' });
        case 'POST /api/ussd/send':
          return ussdSend(request.content ?? '');
        case 'GET /api/ussd/get':
          return ussdGet();
        case 'GET /api/ussd/status':
          return ok({ result: ussd.state === 'waiting-network' || network.waitsForReply ? 1 : 0 });
        case 'POST /api/ussd/release':
          generation += 1;
          network.endUssd();
          ussd = { state: 'idle' };
          return ok();
        case 'POST /api/sms/send-sms': {
          const text = request.Content ?? '';
          for (const phone of phones) {
            const replies = network.smsReceived(phone, text);
            later(latency, () => {
              for (const reply of replies) deliver(reply.from, reply.text);
            });
          }
          return ok();
        }
        case 'POST /api/sms/sms-list': {
          const page = Math.max(1, Number.parseInt(request.PageIndex ?? '1', 10) || 1);
          const count = Math.max(
            1,
            Math.min(50, Number.parseInt(request.ReadCount ?? '20', 10) || 20),
          );
          const all = [...inbox.entries()].sort(([a], [b]) => a - b);
          const shown = all.slice((page - 1) * count, page * count);
          return ok({
            Count: all.length,
            Messages: {
              Message: shown.map(([index, message]) => ({
                Smstat: 0,
                Index: index,
                Phone: message.phone,
                Content: message.content,
                Date: message.date,
                Sca: '',
                SaveType: 4,
                Priority: 0,
                SmsType: 1,
              })),
            },
          });
        }
        case 'POST /api/sms/delete-sms': {
          const index = Number.parseInt(request.Index ?? '', 10);
          return inbox.delete(index) ? ok() : refuse(113053);
        }
        default:
          return refuse(100002);
      }
    },

    /** Stops the stick: what the network was about to do is dropped. */
    stop() {
      for (const handle of timers) clock.clearTimeout(handle);
      timers.clear();
    },
    /** A message from the network reaches the stick's inbox. */
    receiveSms: deliver,
    /** Every session forgotten (a stick that restarted its web server): tokens go stale. */
    forgetSessions: () => sessions.clear(),
    setSignal(dbm: number) {
      signalDbm = dbm;
    },
    setRegistered(value: boolean) {
      registered = value;
    },
    /** A stick whose firmware stops serving its API (it answers "system busy"). */
    setAnswering(value: boolean) {
      answering = value;
    },
    get smsCount() {
      return inbox.size;
    },
  };
}

export type SimulatedStick = ReturnType<typeof createSimulatedStick>;
