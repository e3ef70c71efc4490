import { hostname } from 'node:os';
import path from 'node:path';
import type { Database } from 'better-sqlite3';
import { version } from '../../package.json';
import { ApiError } from '../../shared/api/errors';
import {
  type ShopZoneAndCurrency,
  zoneMismatch,
  zoneMismatchMessage,
} from '../../shared/enrolment-match';
import { enrolmentCodeSchema, type SyncStatus } from '../../shared/head-office';
import type { Logger } from '../log';
import { keyFileSealer, type SecretSealer } from '../store/dealer-pins';
import { headOfficeUrlOf } from './address';
import { defaultSyncTiming, type SyncTiming } from './backoff';
import type { CatalogFollower } from './catalog-follower';
import { HeadOfficeError, headOfficeClient } from './link';
import { createLinkStore, type StoredLink } from './link-store';
import { outboxBacklog } from './outbox-batches';
import { createSyncWorker } from './sync-worker';

export interface HeadOfficeSyncDeps {
  db: Database;
  databaseFile: string;
  /** The core's sealer (the keychain in the app); by default the key file beside the database. */
  sealer: SecretSealer | undefined;
  follower: CatalogFollower;
  /** The shop profile's time zone and currency; null before the shop is set up. */
  zoneAndCurrency: () => ShopZoneAndCurrency | null;
  now: () => Date;
  log: Logger;
  timing?: SyncTiming;
  timeoutMs?: number;
}

/**
 * The key file's sealer, made on first use only: a shop never enrolled gets no key file for it
 * (the dealer PINs' sealer makes the same file when a modem is set up).
 */
function sealerBeside(databaseFile: string, given: SecretSealer | undefined): SecretSealer {
  let sealer = given ?? null;
  const open = () => {
    sealer ??= keyFileSealer(
      path.join(path.dirname(path.resolve(databaseFile)), 'comptoir-secrets.key'),
    );
    return sealer;
  };
  return { seal: (plain) => open().seal(plain), open: (sealed) => open().open(sealed) };
}

/** An enrolment that failed, as the API says it: the code refused, or the head office not reached. */
function enrolmentError(error: unknown): unknown {
  if (!(error instanceof HeadOfficeError)) return error;
  if (error.code === 'enrolment_refused') {
    return new ApiError('enrolment_refused', error.message, undefined, error.params);
  }
  return new ApiError('unreachable', error.message, undefined, { reason: error.code });
}

/** The shop's own zone and currency, which the head office must have too. */
function zoneAndCurrencyOf(read: () => ShopZoneAndCurrency | null): ShopZoneAndCurrency {
  const own = read();
  if (own) return own;
  throw new ApiError(
    'enrolment_refused',
    'Set the shop’s time zone and currency (Settings → Shop profile) before enrolling it',
    undefined,
    { reason: 'no_profile' },
  );
}

/**
 * An answer for another zone or currency than the shop's is not kept (a head office that does
 * not compare them before enrolling): its code is used up there, so a new one is needed.
 */
function checkAnswer(answer: ShopZoneAndCurrency, own: ShopZoneAndCurrency) {
  const mismatch = zoneMismatch(answer, own);
  if (!mismatch) return;
  throw new ApiError(
    'enrolment_refused',
    `${zoneMismatchMessage(mismatch)} with a new code: nothing was kept`,
    undefined,
    { reason: 'zone_mismatch_answer', ...mismatch },
  );
}

/** What this Comptoir tells the head office it is, for the head office's list of shops. */
const software = () => `Comptoir ${version} (${hostname()})`.slice(0, 80);

/**
 * The shop's side of its head office: enrolment (the credential kept sealed), the sync worker,
 * and the Sync status the manager reads.
 */
export function createHeadOfficeSync(deps: HeadOfficeSyncDeps) {
  const { db, follower, now } = deps;
  const timeoutMs = deps.timeoutMs ?? 30_000;
  const links = createLinkStore(db, sealerBeside(deps.databaseFile, deps.sealer));
  const worker = createSyncWorker({
    db,
    links,
    follower,
    timing: deps.timing ?? defaultSyncTiming,
    timeoutMs,
    now,
    random: Math.random,
    log: deps.log,
  });
  let enrolling = false;

  function status(): SyncStatus {
    const link = links.get();
    const backlog = outboxBacklog(db);
    return {
      headOffice: link && {
        url: link.url,
        shopId: link.shopId,
        shopName: link.shopName,
        enrolledAt: link.enrolledAt,
        fingerprint: link.fingerprint,
      },
      lastSuccessAt: link?.lastSuccessAt ?? null,
      lastAttemptAt: link?.lastAttemptAt ?? null,
      lastError: link?.lastError ?? null,
      backlog: backlog.count,
      oldestPendingAt: backlog.oldestAt,
      nextAttemptAt: link?.nextAttemptAt ?? null,
      refusedFact: worker.refusedFact(),
      catalog: follower.status(),
    };
  }

  /** The link can no longer be used: the head office refuses it, or this PC cannot open it. */
  const mustEnrolAgain = (link: StoredLink) => {
    if (link.lastError?.code === 'credential_refused') return true;
    try {
      links.credential();
      return false;
    } catch {
      return true;
    }
  };

  const alreadyEnrolled = () => {
    const link = links.get();
    return link && !mustEnrolAgain(link)
      ? new ApiError(
          'conflict',
          `This shop is already enrolled at ${link.url} as ${link.shopName}: it keeps its head office`,
        )
      : null;
  };

  return {
    status,
    /**
     * Enrols the shop with the code the head office gave, the answer's credential sealed, then
     * starts sending. The address is checked (TLS except on loopback) before anything is sent.
     * An enrolled shop enrols again (replacing its link) only once its credential is refused or
     * cannot be opened on this PC.
     */
    async enrol(
      input: { url: string; code: string; fingerprint: string | null },
      by: string,
    ): Promise<SyncStatus> {
      const enrolled = alreadyEnrolled();
      if (enrolled) throw enrolled;
      const url = headOfficeUrlOf(input.url, input.fingerprint !== null);
      const code = enrolmentCodeSchema.safeParse(input.code);
      if (!code.success) {
        const message = 'An enrolment code is 12 letters and digits, as the head office shows it';
        throw new ApiError('invalid_input', message, [
          { path: 'code', code: 'enrolment_code', message },
        ]);
      }
      // One enrolment at a time: a code is used once, and its credential must not be lost.
      if (enrolling) throw new ApiError('conflict', 'An enrolment is already under way');
      const own = zoneAndCurrencyOf(deps.zoneAndCurrency);
      enrolling = true;
      try {
        const client = headOfficeClient({
          url,
          fingerprint: input.fingerprint,
          credential: null,
          timeoutMs,
        });
        const answer = await client
          .enrol({ code: code.data, software: software(), ...own })
          .catch((error: unknown) => {
            throw enrolmentError(error);
          });
        checkAnswer(answer, own);
        links.enrol({
          url,
          shopId: answer.shopId,
          shopName: answer.name,
          fingerprint: input.fingerprint,
          managed: answer.managed,
          credential: answer.credential,
          at: now().toISOString(),
          by,
        });
      } finally {
        enrolling = false;
      }
      void worker.sendNow();
      return status();
    },
    /** A round now; answers the status after it. */
    async sendNow(): Promise<SyncStatus> {
      if (!links.get()) {
        throw new ApiError('conflict', 'This shop is not enrolled at a head office yet');
      }
      await worker.sendNow();
      return status();
    },
    start: worker.start,
    stop: worker.stop,
  };
}

export type HeadOfficeSync = ReturnType<typeof createHeadOfficeSync>;
