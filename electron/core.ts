import type { Database } from 'better-sqlite3';
import { version } from '../package.json';
import { normalizeShopProfile } from '../shared/shop';
import { createDispatcher, type Dispatch, type Handlers, type Logger } from './api/dispatcher';
import { createEventBus, type EventBus } from './api/event-bus';
import { demoShopProfile } from './demo';
import { openDatabase } from './store/database';
import { shopProfileStore } from './store/shop-profile';

export interface CoreOptions {
  /** The SQLite file; created and migrated if needed. */
  databaseFile: string;
  demo: boolean;
  now?: () => Date;
  log?: Logger;
}

/** The running application without any window or server: what both transports call into. */
export interface Core {
  dispatch: Dispatch;
  events: EventBus;
  demo: boolean;
  db: Database;
  close(): void;
}

export function createCore(options: CoreOptions): Core {
  const now = options.now ?? (() => new Date());
  const { db } = openDatabase(options.databaseFile, now);
  const events = createEventBus();
  const shop = shopProfileStore(db, now);

  if (options.demo && !shop.get()) shop.save(demoShopProfile);

  const handlers: Handlers = {
    'app.info': () => ({
      version,
      demo: options.demo,
      defaultLanguage: shop.get()?.defaultLanguage ?? 'en',
    }),
    'shop.get': () => ({ profile: shop.get() }),
    'shop.update': (input) => {
      shop.save(normalizeShopProfile(input));
      const profile = shop.get();
      if (!profile) throw new Error('The shop profile was not saved');
      events.emit('shop.updated', { profile });
      return { profile };
    },
  };

  return {
    dispatch: createDispatcher(handlers, options.log ?? console),
    events,
    demo: options.demo,
    db,
    close: () => db.close(),
  };
}
