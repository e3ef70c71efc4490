import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { describeError } from '../errors';
import type { MadeFile } from './DownloadLinks';
import { type Approval, noApproval } from './ManagerApproval';
import { type Refusal, readRefusal } from './refusal';

/**
 * An export for the accountant as a screen runs it: with a manager's name and PIN on a clerk's
 * screen (the PIN cleared once used, the name kept for the next one), and its refusal sorted
 * into what the approval says and what the whole form says.
 */
export function useApprovedExport(needsApproval: boolean) {
  const { t } = useTranslation();
  const [approval, setApproval] = useState<Approval>(noApproval);
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  async function run(
    call: (manager: { manager?: Approval }) => Promise<{ files: MadeFile[] }>,
  ): Promise<MadeFile[] | null> {
    setRefusal(null);
    setProblem(null);
    try {
      const { files } = await call(needsApproval ? { manager: approval } : {});
      setApproval((current) => ({ ...current, pin: '' }));
      return files;
    } catch (error) {
      const refused = readRefusal(error);
      setRefusal(refused);
      if (refused.approval === null) setProblem(describeError(t, error));
      return null;
    }
  }

  return { approval, setApproval, approvalProblem: refusal?.approval ?? null, problem, run };
}
