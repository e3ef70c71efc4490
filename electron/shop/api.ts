import { version } from '../../package.json';
import type { DemoCard } from '../../shared/demo-cards';
import { normalizeShopProfile } from '../../shared/shop';
import type { Handlers } from '../api/dispatcher';
import type { EventBus } from '../api/event-bus';
import { isDatabaseDamage } from '../store/database-check';
import type { ShopProfileStore } from '../store/shop-profile';

type ShopHandlers = Pick<Handlers, 'app.get' | 'shop.get' | 'shop.update'>;

export function shopHandlers(deps: {
  shop: ShopProfileStore;
  demo: boolean;
  /** The demo's cards, for its banner; none outside the demo. */
  demoCards: readonly DemoCard[];
  /** Whether the shop has its first user (the first-run screens ask before signing in). */
  hasUsers(): boolean;
  events: EventBus;
  /** Safe mode: the database failed its check. */
  databaseDamaged(): boolean;
}): ShopHandlers {
  // Every screen starts from app.get, so a damaged page under the shop's profile must not stop
  // it: the screens then come up in English and say the database is damaged.
  const defaultLanguage = () => {
    try {
      return deps.shop.get()?.defaultLanguage ?? 'en';
    } catch (error) {
      if (isDatabaseDamage(error)) return 'en';
      throw error;
    }
  };
  return {
    'app.get': () => ({
      version,
      demo: deps.demo,
      defaultLanguage: defaultLanguage(),
      hasUsers: deps.hasUsers(),
      databaseDamaged: deps.databaseDamaged(),
      demoCards: [...deps.demoCards],
    }),
    'shop.get': () => ({ profile: deps.shop.get() }),
    'shop.update': (input) => {
      deps.shop.save(normalizeShopProfile(input));
      const profile = deps.shop.get();
      if (!profile) throw new Error('The shop profile was not saved');
      deps.events.emit('shop.updated', { profile });
      return { profile };
    },
  };
}
