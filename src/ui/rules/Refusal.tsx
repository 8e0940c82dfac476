import { useTranslation } from 'react-i18next';
import { currentRuleSet, type RulesState } from '../../state';
import { useAppState } from '../store-context';
import { formatIssue } from './format';

const SHOWN = 5;

/** Why the last edit, new rule or import was refused: the first issues, each translated with its path. */
export function Refusal({ only, ruleId }: { readonly only: NonNullable<RulesState['refusal']>['context']; readonly ruleId?: string }) {
  const { t, i18n } = useTranslation();
  const refusal = useAppState((s) => s.rules.refusal);
  const clear = useAppState((s) => s.rules.clearRefusal);
  const lang = useAppState((s) => s.language);
  const rule = useAppState((s) => currentRuleSet(s)?.rules.find((r) => r.id === ruleId));
  if (!refusal || refusal.context !== only || (ruleId && refusal.ruleId !== ruleId)) return null;
  const heading = only === 'import' ? t('rulesUi.importFailed', { file: refusal.subject ?? '' })
    : only === 'edit' ? t('rulesUi.editRefused', { rule: rule?.title[lang] ?? refusal.ruleId ?? '' })
      : t('rulesUi.addRefused');
  return (
    <div className="rules-refusal" role="alert" data-testid={`refusal-${only}`}>
      <p>{heading}</p>
      <ul>
        {refusal.issues.slice(0, SHOWN).map((issue, i) => (
          <li key={i} data-issue-code={issue.code}>{formatIssue(t, i18n, issue)}</li>
        ))}
      </ul>
      {refusal.issues.length > SHOWN && <p>{t('rulesUi.moreIssues', { count: refusal.issues.length - SHOWN })}</p>}
      <button type="button" onClick={clear}>{t('rulesUi.dismiss')}</button>
    </div>
  );
}
