import { ApiError } from '../../shared/api/errors';
import type { Handlers } from '../api/dispatcher';
import { refuseForeignCurrency } from '../api/money-inputs';
import type { Permit } from '../auth/permissions';
import type { ShopProfileStore } from '../store/shop-profile';
import { type CarrierBook, CarrierBookError } from './book';

type CarrierHandlers = Pick<Handlers, 'carriers.list' | 'carriers.get' | 'carriers.save'>;

export function carrierHandlers(
  carriers: CarrierBook,
  shop: ShopProfileStore,
  permit: Permit,
  /** Whether the head office manages the carriers (see the catalog follower). */
  headOffice: () => { managed: boolean; version: number },
): CarrierHandlers {
  return {
    'carriers.list': () => ({
      carriers: carriers.entries().map(({ profile, file, edited }) => ({
        id: profile.id,
        name: profile.name,
        file,
        edited,
      })),
      problems: carriers.problems().map(({ file, message }) => ({ file, message })),
      headOffice: headOffice(),
    }),
    'carriers.get': ({ id }) => {
      const profile = carriers.find(id);
      if (!profile) throw new ApiError('not_found', `No carrier ${id}`);
      return { profile };
    },
    'carriers.save': async ({ profile, manager }, caller) => {
      permit('edit_prices', caller, manager);
      const { managed, version } = headOffice();
      if (managed) {
        throw new ApiError(
          'managed_by_head_office',
          `The head office sets this shop’s carriers and prices (catalog version ${version})`,
        );
      }
      // Its prices are in its own currency: a carrier the till cannot count is not sold.
      const shopCurrency = shop.get()?.currency;
      if (shopCurrency) refuseForeignCurrency(profile.currency, shopCurrency, 'profile.currency');
      try {
        return { profile: (await carriers.save(profile)).profile };
      } catch (error) {
        if (error instanceof CarrierBookError && error.code === 'plan_of_another_carrier') {
          const issues = error.issues().map((issue) => ({
            ...issue,
            path: `profile.${issue.path}`,
          }));
          throw new ApiError('invalid_input', error.message, issues);
        }
        throw error;
      }
    },
  };
}
