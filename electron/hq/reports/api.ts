import { ApiError } from '../../../shared/api/errors';
import type { HqContext, HqHandlers } from '../handlers';

type ReportHandlers = Pick<
  HqHandlers,
  | 'reports.getDay'
  | 'reports.getMonth'
  | 'reports.export'
  | 'floats.list'
  | 'pending.list'
  | 'zReports.list'
>;

const notBuilt = () => {
  throw new ApiError('internal', 'The head office’s reports are not built yet');
};

/** The chain's reports (placeholder until they land). */
export function reportHandlers(_context: HqContext): ReportHandlers {
  return {
    'reports.getDay': notBuilt,
    'reports.getMonth': notBuilt,
    'reports.export': notBuilt,
    'floats.list': notBuilt,
    'pending.list': notBuilt,
    'zReports.list': notBuilt,
  };
}
