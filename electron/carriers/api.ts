import { ApiError } from '../../shared/api/errors';
import type { Handlers } from '../api/dispatcher';
import { type CarrierBook, CarrierBookError } from './book';

type CarrierHandlers = Pick<Handlers, 'carriers.list' | 'carriers.get' | 'carriers.save'>;

export function carrierHandlers(carriers: CarrierBook): CarrierHandlers {
  return {
    'carriers.list': () => ({
      carriers: carriers.entries().map(({ profile, file, edited }) => ({
        id: profile.id,
        name: profile.name,
        file,
        edited,
      })),
      problems: carriers.problems().map(({ file, message }) => ({ file, message })),
    }),
    'carriers.get': ({ id }) => {
      const profile = carriers.find(id);
      if (!profile) throw new ApiError('not_found', `No carrier ${id}`);
      return { profile };
    },
    'carriers.save': async ({ profile }) => {
      try {
        return { profile: (await carriers.save(profile)).profile };
      } catch (error) {
        if (error instanceof CarrierBookError && error.code === 'plan_of_another_carrier') {
          throw new ApiError('invalid_input', error.message, [
            { path: `profile.${error.path}`, code: error.code, message: error.message },
          ]);
        }
        throw error;
      }
    },
  };
}
