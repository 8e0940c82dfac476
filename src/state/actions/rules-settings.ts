/** The project's rule-set choice (doc.settings.ruleSetId): an undoable document edit. */
import { defineAction } from './define';

export const setRuleSetId = defineAction('settings.ruleSet', (doc, { id }: { id: string }) =>
  doc.settings.ruleSetId === id ? doc : { ...doc, settings: { ...doc.settings, ruleSetId: id } });
