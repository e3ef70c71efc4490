import { basename } from 'node:path';
import { formatActor, userActor } from '../../shared/user';
import type { AuthHeard } from '../auth/api';
import type { Logger } from '../log';
import type { BackupFile } from '../store/backups';
import type { AuditAct, AuditTrail } from './trail';

/**
 * The acts that happen outside a procedure's success, as the audit trail records them: wrong
 * PINs (the name typed), sessions ended by the idle time or the 12-hour cap, automatic backups.
 * Recording never fails what was being done: a failure is logged.
 */
export function auditHearing(trail: AuditTrail, log: Logger) {
  const record = (act: AuditAct) => {
    try {
      trail.record(act);
    } catch (error) {
      log.error(`The audit trail could not record ${act.kind}`, error);
    }
  };
  const auth: AuthHeard = {
    wrongPin: (name, where) =>
      record({ kind: 'auth.wrong_pin', actor: null, actorName: name, subject: where }),
    sessionEnded: (user, why) =>
      record({
        kind: 'auth.signed_out',
        actor: formatActor(userActor(user)),
        actorName: user.name,
        after: { ended: why },
      }),
  };
  return {
    auth,
    backupTaken: (backup: BackupFile) =>
      record({
        kind: 'backups.made',
        actor: 'system',
        actorName: null,
        subject: basename(backup.file),
        after: { bytes: backup.bytes, automatic: true },
      }),
  };
}
