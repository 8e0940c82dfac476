/** The rule pack suggested for the project's layers (core suggestRulePackForLayers), and the country in words. */
import { suggestRulePackForLayers, type RulePackSuggestion } from '../../core/rules';
import type { AppState, Language } from '../../state';

export function suggestedPack(docLayers: AppState['doc']['layers'], layerData: AppState['layerData']): RulePackSuggestion | undefined {
  const layers = docLayers.map((l) => layerData[l.id]).filter((d): d is NonNullable<typeof d> => d !== undefined);
  return suggestRulePackForLayers(layers);
}

const regionNames = new Map<Language, Intl.DisplayNames>();
/** "DE" → "Germany" / "德国" (the browser's own country names); the code itself when unknown. */
export function countryName(code: string, lang: Language): string {
  let names = regionNames.get(lang);
  if (!names) regionNames.set(lang, (names = new Intl.DisplayNames([lang === 'zh' ? 'zh-CN' : 'en'], { type: 'region' })));
  try {
    return names.of(code) ?? code;
  } catch {
    return code;
  }
}
