import fs from 'node:fs/promises';
import path from 'node:path';
import type { ApiIssue } from '../../shared/api/errors';
import type { CarrierProfile } from '../../shared/carrier';
import type { CurrencyCode } from '../../shared/currencies';
import type { Logger } from '../log';
import type { ProfileFileProblem } from '../profile-files';
import { loadCarrierProfiles } from './load';

export class CarrierBookError extends Error {
  constructor(
    readonly code: 'plan_of_another_carrier' | 'foreign_currency' | 'no_shop_folder',
    message: string,
    readonly path: string = '',
    readonly params?: Record<string, string>,
  ) {
    super(message);
    this.name = 'CarrierBookError';
  }

  /** The refusal as the API's issues, paths within the profile: none when no field is at fault. */
  issues(): ApiIssue[] {
    if (this.path === '') return [];
    return [
      {
        path: this.path,
        code: this.code,
        message: this.message,
        ...(this.params ? { params: this.params } : {}),
      },
    ];
  }
}

/**
 * A plan of `profile` whose id another carrier already sells (plan ids are unique across
 * carriers: a sale names its plan only), with the field at fault; null when there is none. The
 * shop's book and the head office's catalog refuse such a profile alike.
 */
export function planOfAnotherCarrier(
  profile: CarrierProfile,
  others: readonly CarrierProfile[],
): { path: string; message: string; params: { plan: string; carrier: string } } | null {
  for (const [index, plan] of profile.plans.entries()) {
    const owner = others.find(
      (carrier) => carrier.id !== profile.id && carrier.plans.some((p) => p.id === plan.id),
    );
    if (owner) {
      return {
        path: `plans.${index}.id`,
        message: `The plan id ${plan.id} is already a plan of ${owner.name}`,
        params: { plan: plan.id, carrier: owner.name },
      };
    }
  }
  return null;
}

interface CarrierEntry {
  profile: CarrierProfile;
  /** Where it was read from, or written to by a manager. */
  file: string;
  edited: boolean;
}

/**
 * Loads the carrier profiles of `dirs` (later ones overriding earlier ones): a profile read from
 * `shopFolder` is the shop's own edit. A file that cannot be used is logged and left out.
 */
export async function openCarrierBook(
  dirs: readonly string[],
  shopFolder: string | null,
  log: Logger,
): Promise<CarrierBook> {
  const loaded = await loadCarrierProfiles(dirs);
  for (const problem of loaded.problems) {
    log.warn(`Carrier profile ${problem.file}: ${problem.message}`);
  }
  const shop = shopFolder === null ? null : path.resolve(shopFolder);
  const entries = loaded.profiles.map(({ profile, file }) => ({
    profile,
    file,
    edited: shop !== null && path.dirname(path.resolve(file)) === shop,
  }));
  return createCarrierBook(entries, loaded.problems, shop);
}

/**
 * The carriers the shop sells, as loaded at start-up and as a manager edits them since: every
 * reader (catalogue, renewals, receipts) asks here, so an edit applies to the next sale.
 */
function createCarrierBook(
  loaded: readonly CarrierEntry[],
  problems: readonly ProfileFileProblem[],
  /** Where a manager's edited profiles are written (the shop's own folder), if anywhere. */
  shopFolder: string | null,
) {
  const entries = new Map(loaded.map((entry) => [entry.profile.id, entry]));
  const profiles = () => [...entries.values()].map((entry) => entry.profile);
  return {
    list: profiles,
    entries: () => [...entries.values()],
    problems: () => problems,
    find: (id: string): CarrierProfile | null => entries.get(id)?.profile ?? null,
    /** The carrier selling a plan: plan ids are unique across carriers (see save). */
    ofPlan: (planId: string): CarrierProfile | null =>
      profiles().find((carrier) => carrier.plans.some((plan) => plan.id === planId)) ?? null,
    /**
     * Writes a validated profile to the shop's folder and puts it in service. A profile priced
     * in another currency than the shop's (null: none set yet) is refused: the till could not
     * count its sales. The manager's edit and the head office's catalog are checked alike.
     */
    async save(profile: CarrierProfile, shopCurrency: CurrencyCode | null): Promise<CarrierEntry> {
      if (shopCurrency !== null && profile.currency !== shopCurrency) {
        throw new CarrierBookError(
          'foreign_currency',
          `The shop counts in ${shopCurrency}, not ${profile.currency}`,
          'currency',
          { currency: shopCurrency },
        );
      }
      if (!shopFolder) {
        throw new CarrierBookError(
          'no_shop_folder',
          'This Comptoir has no folder for the shop’s profiles',
        );
      }
      const clash = planOfAnotherCarrier(profile, profiles());
      if (clash) {
        throw new CarrierBookError(
          'plan_of_another_carrier',
          clash.message,
          clash.path,
          clash.params,
        );
      }
      await fs.mkdir(shopFolder, { recursive: true });
      const file = path.join(shopFolder, `${profile.id}.json`);
      // Written whole then renamed: a stop halfway never leaves a profile that fails to load.
      const temporary = `${file}.${process.pid}.tmp`;
      await fs.writeFile(temporary, `${JSON.stringify(profile, null, 2)}\n`);
      await fs.rename(temporary, file);
      const entry = { profile, file, edited: true };
      entries.set(profile.id, entry);
      return entry;
    },
  };
}

export type CarrierBook = ReturnType<typeof createCarrierBook>;
