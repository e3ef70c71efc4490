import { version } from '../../package.json';
import { normalizeShopProfile } from '../../shared/shop';
import type { Handlers } from '../api/dispatcher';
import type { EventBus } from '../api/event-bus';
import type { ShopProfileStore } from '../store/shop-profile';

type ShopHandlers = Pick<Handlers, 'app.get' | 'shop.get' | 'shop.update'>;

export function shopHandlers(deps: {
  shop: ShopProfileStore;
  demo: boolean;
  /** Whether the shop has its first user (the first-run screens ask before signing in). */
  hasUsers(): boolean;
  events: EventBus;
}): ShopHandlers {
  return {
    'app.get': () => ({
      version,
      demo: deps.demo,
      defaultLanguage: deps.shop.get()?.defaultLanguage ?? 'en',
      hasUsers: deps.hasUsers(),
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
