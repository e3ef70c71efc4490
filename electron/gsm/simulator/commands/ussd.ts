/**
 * AT+CUSD (27.007 §7.15): USSD requests, menu replies, cancel. The answer is a +CUSD URC that
 * comes after the OK, or before it on modems that hold the OK (profile `answerBeforeOk`).
 */
import { CME, cme, OK, UNKNOWN_COMMAND } from '../answers';
import { argumentsOf, numberArgument } from '../command-line';
import { readUssdRequest } from '../ussd-text';
import type { CommandSpec } from './context';

export const USSD_COMMANDS: readonly CommandSpec[] = [
  {
    name: '+CUSD',
    run: async (command, context) => {
      if (command.form === 'read') {
        context.answer(`+CUSD: ${context.settings.ussdPresentation ? 1 : 0}`);
        return OK;
      }
      if (command.form === 'test') {
        context.answer('+CUSD: (0-2)');
        return OK;
      }
      if (command.form !== 'set') return UNKNOWN_COMMAND;
      const values = argumentsOf(command);
      const n = numberArgument(values, 0);
      if (n !== 0 && n !== 1 && n !== 2) return cme(CME.incorrectParameters);
      if (n === 2) {
        context.ussd.cancel();
        return OK;
      }
      context.settings.ussdPresentation = n === 1;
      const request = values[1];
      if (request === undefined) return OK;
      if (context.sim.lock !== 'ready') {
        return cme(context.sim.lock === 'sim-pin' ? CME.simPinRequired : CME.simPukRequired);
      }
      if (context.radio.registration !== 1 && context.radio.registration !== 5) {
        return cme(CME.noNetworkService);
      }
      const text = readUssdRequest(
        request.text,
        context.profile.ussd.request,
        context.settings.charset,
      );
      if (text === null || text.trim() === '') return cme(CME.incorrectParameters);
      const { printed } = context.ussd.send(text);
      if (context.profile.ussd.answerBeforeOk) {
        await printed;
        context.flood();
      }
      return OK;
    },
  },
];
