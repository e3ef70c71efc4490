import type { ProcedureName, ProcedureOutput, ValidInput } from '../../shared/api/contract';
import type { AuditKind } from '../../shared/audit';
import type { CarrierProfile } from '../../shared/carrier';

/** Calls a read procedure with the caller of the act (what the act is about to change). */
export type ReadAs = <N extends ProcedureName>(
  name: N,
  input: ValidInput<N>,
) => Promise<ProcedureOutput<N>>;

/**
 * How one procedure's successful call is written into the audit trail: its kind (null: this
 * call is not a sensitive act, e.g. the original print of a receipt), what it was done to, the
 * state before (read through another procedure before the act runs) and after (from its result).
 * `also` is a second entry recorded with it when one part of the state changed (a carrier
 * profile's prices), with just that part before and after.
 */
export interface AuditedAct<N extends ProcedureName> {
  kind: AuditKind | ((input: ValidInput<N>, result: ProcedureOutput<N>) => AuditKind | null);
  subject?: (input: ValidInput<N>, result: ProcedureOutput<N>) => string | number | null;
  before?: (read: ReadAs, input: ValidInput<N>) => Promise<unknown>;
  after?: (result: ProcedureOutput<N>, input: ValidInput<N>) => unknown;
  also?: { kind: AuditKind; part: (state: unknown) => unknown };
}

export type AuditedActs = { [N in ProcedureName]?: AuditedAct<N> };

const filesOf = (result: { files: { name: string }[] }) => ({
  files: result.files.map((file) => file.name),
});
/** What an export was asked for: the filter or period, never a manager's approval. */
const exported = (input: object) => {
  const { manager: _approval, ...asked } = input as { manager?: unknown };
  return asked;
};
const modemBefore = async (read: ReadAs, id: string) =>
  (await read('modems.listSettings', {})).modems.find((modem) => modem.id === id) ?? null;
const userBefore = async (read: ReadAs, id: number) =>
  (await read('users.list', {})).users.find((user) => user.id === id) ?? null;
/** A carrier profile's prices: each plan's price and tax rate, by plan. */
const pricesOf = (state: unknown) => {
  const profile = state as CarrierProfile | null;
  if (!profile) return null;
  return {
    currency: profile.currency,
    plans: profile.plans.map((plan) => ({
      id: plan.id,
      price: plan.price,
      taxRate: plan.taxRate,
    })),
  };
};

/**
 * Every sensitive act made through a procedure, as data (like a modem's quirks): the list
 * of acts, one line each. Sign-in failures, session ends and automatic backups happen outside a
 * procedure's success and are recorded where they happen (electron/auth, the backup schedule).
 */
export const auditedActs: AuditedActs = {
  'auth.login': {
    kind: 'auth.signed_in',
    subject: (_input, result) => result.user.name,
  },
  'auth.logout': { kind: 'auth.signed_out' },
  // The first manager, made at the shop's first start.
  'auth.setup': {
    kind: 'users.added',
    subject: (_input, result) => result.user.id,
    after: (result) => result.user,
  },
  'users.unlock': { kind: 'users.unlocked', subject: (input) => input.name },
  'users.create': {
    kind: 'users.added',
    subject: (_input, result) => result.user.id,
    after: (result) => result.user,
  },
  'users.remove': {
    kind: 'users.removed',
    subject: (input) => input.id,
    before: (read, input) => userBefore(read, input.id),
  },
  'users.setRole': {
    kind: 'users.role_changed',
    subject: (input) => input.id,
    before: (read, input) => userBefore(read, input.id),
    after: (result) => result.user,
  },
  'carriers.save': {
    kind: 'carriers.changed',
    subject: (input) => input.profile.id,
    before: async (read, input) => (await read('carriers.get', { id: input.profile.id })).profile,
    after: (result) => result.profile,
    also: { kind: 'prices.changed', part: pricesOf },
  },
  'shop.update': {
    kind: 'shop.changed',
    before: async (read) => (await read('shop.get', {})).profile,
    after: (result) => result.profile,
  },
  'receipts.print': {
    kind: (_input, result) => (result.copy === null ? null : 'receipts.reprinted'),
    subject: (input) => input.number,
    after: (result) => ({ copy: result.copy, printerId: result.printerId }),
  },
  'sales.resolve': {
    kind: (input) => (input.outcome === 'failed' ? 'sales.refunded' : 'sales.resolved'),
    subject: (input) => input.id,
    before: async (read, input) => {
      const { sale } = await read('sales.get', { id: input.id });
      return { status: sale.status };
    },
    after: (result, input) => ({ status: result.sale.status, reason: input.reason }),
  },
  'printers.openDrawer': {
    kind: 'drawer.opened',
    subject: (_input, result) => result.printerId,
    after: (_result, input) => ({ reason: input.reason }),
  },
  'day.export': {
    kind: 'exports.made',
    subject: (input) => (input.zNumber === undefined ? (input.date ?? null) : input.zNumber),
    before: async (_read, input) => ({ procedure: 'day.export', ...exported(input) }),
    after: filesOf,
  },
  'accountant.export': {
    kind: 'exports.made',
    subject: (input) => input.period,
    before: async (_read, input) => ({ procedure: 'accountant.export', ...exported(input) }),
    after: filesOf,
  },
  'audit.export': {
    kind: 'exports.made',
    before: async (_read, input) => ({ procedure: 'audit.export', ...exported(input) }),
    after: filesOf,
  },
  'backups.create': {
    kind: 'backups.made',
    subject: (_input, result) => result.backup.name,
    after: (result) => ({ bytes: result.backup.bytes, automatic: false }),
  },
  'backups.restore': {
    kind: 'backups.restored',
    subject: (input) => input.name,
    after: (result) => ({ setAside: result.report.setAside }),
  },
  'day.close': {
    kind: 'day.closed',
    subject: (_input, result) => result.z.number,
    after: (result, input) => ({ totals: result.z.report.totals, reason: input.reason ?? null }),
  },
  'day.print': {
    kind: (_input, result) => (result.copy ? 'day.reprinted' : null),
    subject: (input) => input.zNumber,
    after: (result) => ({ printerId: result.printerId }),
  },
  'periods.print': {
    kind: (_input, result) => (result.copy ? 'periods.reprinted' : null),
    subject: (input) => `${input.kind} ${input.period}`,
    after: (result) => ({ printerId: result.printerId }),
  },
  'archives.setPolicy': {
    kind: 'archives.policy_changed',
    before: (read) => read('archives.getPolicy', {}),
    after: (result) => result,
  },
  'periods.close': {
    kind: 'periods.closed',
    subject: (input) => input.period,
    after: (result) => ({ kind: result.closure.kind, number: result.closure.number }),
  },
  'archives.create': {
    kind: 'archives.created',
    subject: (input) => input.period,
    after: (result) => ({ name: result.archive.name, sha256: result.archive.sha256 }),
  },
  'permissions.update': {
    kind: 'permissions.changed',
    before: async (read) => (await read('permissions.get', {})).permissions,
    after: (result) => result.permissions,
  },
  'printers.save': {
    kind: 'printers.changed',
    before: (read) => read('printers.list', {}),
    after: (result) => result,
  },
  'modems.save': {
    kind: 'modems.changed',
    subject: (input) => input.id,
    before: (read, input) => modemBefore(read, input.id),
    after: (result) => result.modem,
  },
  'modems.remove': {
    kind: 'modems.changed',
    subject: (input) => input.id,
    before: (read, input) => modemBefore(read, input.id),
  },
  'modems.setInService': {
    kind: 'modems.changed',
    subject: (input) => input.id,
    after: (_result, input) => ({ inService: input.inService }),
  },
  'modems.setPowerCycle': {
    kind: 'modems.changed',
    subject: (input) => input.id,
    before: async (read, input) => ({
      powerCycle: (await read('modems.getPowerCycle', { id: input.id })).command,
    }),
    after: (_result, input) => ({ powerCycle: input.command }),
  },
  'modems.confirmSim': {
    kind: 'modems.changed',
    subject: (input) => input.id,
    after: (_result, input) => ({ iccid: input.iccid }),
  },
  'modems.setFloatWatch': {
    kind: 'modems.changed',
    subject: (input) => input.id,
    after: (_result, input) => ({
      lowThreshold: input.lowThreshold,
      dailyCap: input.dailyCap,
    }),
  },
  'modems.setFloatAlerts': {
    kind: 'modems.changed',
    before: (read) => read('modems.getFloatAlerts', {}),
    after: (result) => result,
  },
  'counters.setNetwork': {
    kind: 'counters.network_changed',
    before: async (read) => (await read('counters.get', {})).network,
    after: (result) => result.network,
  },
  // The code itself is never written down: whoever read the trail could pair with it.
  'counters.createPairingCode': {
    kind: 'counters.code_created',
    subject: (_input, result) => result.tillName,
    after: (result) => ({ tillName: result.tillName, expiresAt: result.expiresAt }),
  },
  // Nobody is signed in at a counter that pairs: no user acts (the code's manager is kept with
  // the device, as `paired_by`).
  'counters.pair': {
    kind: 'counters.paired',
    subject: (_input, result) => result.till.name,
    after: (result) => result.till,
  },
  'counters.revoke': {
    kind: 'counters.revoked',
    subject: (_input, result) => result.device.tillName,
    after: (result) => result.device,
  },
  'tills.setDrawers': {
    kind: 'tills.drawers_changed',
    before: async (read) => ({ drawers: (await read('tills.list', {})).drawers }),
    after: (result) => result,
  },
  'sync.enrol': {
    kind: 'sync.enrolled',
    // An enrolment again replaces the link: which head office and shop it was.
    before: async (read) => (await read('sync.getStatus', {})).headOffice,
    subject: (_input, result) => result.headOffice?.shopName ?? null,
    after: (result) => result.headOffice,
  },
};
