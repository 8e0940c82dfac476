import { useMemo, useRef, type ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { customRuleSets, ruleSetChoices, ruleSetToJson } from '../../state/actions/rules-sets';
import { currentRuleSet } from '../../state';
import { useAppState } from '../store-context';
import { Refusal } from './Refusal';
import { countryName, suggestedPack } from './suggested-pack';

/** Choose the rule set (saved in the project), import one from a JSON file, export the current one. */
export function RuleSetPicker() {
  const { t } = useTranslation();
  const lang = useAppState((s) => s.language);
  const chosen = useAppState((s) => s.doc.settings.ruleSetId);
  const custom = useAppState((s) => customRuleSets(s.doc));
  const current = useAppState(currentRuleSet);
  const { chooseRuleSet, importRuleSet, resetRuleSet } = useAppState((s) => s.rules);
  const layers = useAppState((s) => s.doc.layers);
  const layerData = useAppState((s) => s.layerData);
  // Layers change rarely; the suggestion reads a few features per layer and the layers' boxes.
  const suggestion = useMemo(() => suggestedPack(layers, layerData), [layers, layerData]);
  const fileRef = useRef<HTMLInputElement>(null);
  const choices = ruleSetChoices(custom);
  const edited = choices.find((c) => c.id === chosen)?.edited ?? false;

  async function onFile(e: ChangeEvent<HTMLInputElement>) {
    const file = e.target.files?.[0];
    e.target.value = '';
    if (file) importRuleSet(await file.text(), file.name);
  }

  function exportSet() {
    if (!current) return;
    // A Blob URL keeps the download offline; revoked once the click has started it.
    const url = URL.createObjectURL(new Blob([ruleSetToJson(current)], { type: 'application/json' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = `${current.id}-${current.version}.rules.json`;
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 0);
  }

  return (
    <div className="rules-picker">
      <label>
        {t('rulesUi.ruleSet')}
        <select aria-label={t('rulesUi.ruleSet')} value={chosen} onChange={(e) => chooseRuleSet(e.target.value)}>
          {!current && <option value={chosen}>{chosen}</option>}
          {choices.map((c) => {
            const title = c.edited ? t('rulesUi.edited', { title: c.set.title[lang] }) : c.set.title[lang];
            const mark = suggestion?.params.pack === c.id ? ` — ${t('rulesUi.suggested', { country: countryName(suggestion.params.country, lang) })}` : '';
            return <option key={c.id} value={c.id}>{title}{mark}</option>;
          })}
        </select>
      </label>
      {suggestion && (
        <p className="rules-suggested muted" data-testid="rule-pack-suggestion" data-pack={suggestion.params.pack} data-country={suggestion.params.country}>
          {t('rulesUi.suggestedTitle', { country: countryName(suggestion.params.country, lang), how: t(`rulesUi.countryHow.${suggestion.params.source}`) })}
          {suggestion.params.pack !== chosen && (
            <> <button type="button" onClick={() => chooseRuleSet(suggestion.params.pack)}>{t('rulesUi.useSuggested')}</button></>
          )}
        </p>
      )}
      <div className="rules-picker-actions">
        <button type="button" onClick={() => fileRef.current?.click()}>{t('rulesUi.import')}</button>
        <input ref={fileRef} type="file" accept=".json,application/json" hidden aria-label={t('rulesUi.import')} onChange={(e) => void onFile(e)} />
        <button type="button" onClick={exportSet} disabled={!current}>{t('rulesUi.export')}</button>
        {edited && <button type="button" onClick={() => resetRuleSet(chosen)}>{t('rulesUi.reset')}</button>}
      </div>
      <Refusal only="import" />
    </div>
  );
}
