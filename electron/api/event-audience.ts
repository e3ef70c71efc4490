import type { EventName, EventPayload } from '../../shared/api/contract';
import type { User } from '../../shared/user';

/**
 * Who may hear each event, decided once per event type (a new event does not compile until it
 * is decided here). A sale tells its card, plan, payment and cash: the clerk who sold it and
 * the managers hear it. The shop's profile and the modem bank are the same for everyone at
 * the counter, and so are the database found damaged and a counter's link to its hub: every signed-in user hears them. Nobody signed out hears anything.
 */
const audiences: { [E in EventName]: (user: User, payload: EventPayload<E>) => boolean } = {
  'sales.progress': (user, { sale }) => user.role === 'manager' || sale.clerkId === user.id,
  'shop.updated': () => true,
  'modems.status': () => true,
  'modems.floats': () => true,
  'app.databaseDamaged': () => true,
  'app.hubConnection': () => true,
};

/** Whether `user` may hear this event; the payload is the one the bus checked. */
export function mayHear<E extends EventName>(user: User, event: E, payload: EventPayload<E>) {
  return audiences[event](user, payload);
}
