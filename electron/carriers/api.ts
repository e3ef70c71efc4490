import { ApiError } from '../../shared/api/errors';
import type { Handlers } from '../api/dispatcher';
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
      try {
        return { profile: (await carriers.save(profile, shop.get()?.currency ?? null)).profile };
      } catch (error) {
        // A refusal naming a field (a plan of another carrier, a foreign currency) is the form's.
        if (error instanceof CarrierBookError && error.issues().length > 0) {
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
