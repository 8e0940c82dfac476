/**
 * Rule sets live in the document: an edit, an import and a reset are each one undo step, and a project that
 * uses an edited rule set reopens with it (save → open through the real io service).
 */
import { describe, expect, it } from 'vitest';
import { createIoService } from '../../src/core/io/io-service';
import { loadBuiltinPack } from '../../src/core/rules';
import { createAppStore, currentRuleSet } from '../../src/state';

const enc = (s: string) => new TextEncoder().encode(s);
const RULE = 'community.kindergarten-300m';
const shipped = loadBuiltinPack('default');
const shippedTarget = shipped.rules.find((r) => r.id === RULE)!.target;
const targetOf = (s: Parameters<typeof currentRuleSet>[0]) => currentRuleSet(s)?.rules.find((r) => r.id === RULE)?.target;

function storeWithDefault() {
  const store = createAppStore({ io: createIoService() });
  store.getState().rules.chooseRuleSet('default');
  return store;
}

describe('rule sets in the document', () => {
  it('an edit is one undo step; undo gives the shipped rule back, redo the edit', () => {
    const store = storeWithDefault();
    const s = () => store.getState();
    expect(shippedTarget).not.toBe(0.5);
    expect(s().rules.editRule(RULE, { target: 0.5 })).toBe(true);
    expect(targetOf(s())).toBe(0.5);
    expect(s().doc.ruleSets.map((r) => r.id)).toEqual(['default']);
    expect(s().history.past.at(-1)?.label).toBe('rules.put-set');
    s().undo();
    expect(s().doc.ruleSets).toEqual([]);
    expect(targetOf(s())).toBe(shippedTarget);
    s().redo();
    expect(targetOf(s())).toBe(0.5);
  });

  it('a second edit replaces the copy in place; each edit undoes separately', () => {
    const store = storeWithDefault();
    const s = () => store.getState();
    s().rules.editRule(RULE, { target: 0.5 });
    s().rules.editRule(RULE, { target: 0.6 });
    expect(s().doc.ruleSets).toHaveLength(1);
    expect(targetOf(s())).toBe(0.6);
    s().undo();
    expect(targetOf(s())).toBe(0.5);
  });

  it('a refused edit changes nothing and adds no step', () => {
    const store = storeWithDefault();
    const s = () => store.getState();
    const before = s().doc;
    expect(s().rules.editRule(RULE, { target: 7 })).toBe(false);
    expect(s().rules.refusal?.issues[0]?.code).toBe('share-target-range');
    expect(s().doc).toBe(before);
  });

  it('an import stores and chooses the set in one step; reset is a step too', () => {
    const store = storeWithDefault();
    const s = () => store.getState();
    const steps = s().history.past.length;
    expect(s().rules.importRuleSet(JSON.stringify({ ...shipped, id: 'mine', title: { en: 'Mine', zh: '我的' } }), 'mine.json')).toBe(true);
    expect(s().doc.settings.ruleSetId).toBe('mine');
    expect(s().history.past.length).toBe(steps + 1);
    s().undo();
    expect(s().doc.settings.ruleSetId).toBe('default');
    expect(s().doc.ruleSets).toEqual([]);

    s().rules.editRule(RULE, { target: 0.5 });
    s().rules.resetRuleSet('default');
    expect(targetOf(s())).toBe(shippedTarget);
    s().undo();
    expect(targetOf(s())).toBe(0.5);
  });

  it('save → open: the project reopens with the edited rule set and the imported one', async () => {
    const store = storeWithDefault();
    const s = () => store.getState();
    s().rules.importRuleSet(JSON.stringify({ ...shipped, id: 'mine' }), 'mine.json');
    s().rules.chooseRuleSet('default');
    s().rules.editRule(RULE, { target: 0.5, enabled: false });
    const saved = s().projectJson();
    expect(JSON.parse(saved)).toMatchObject({ schemaVersion: 2, settings: { ruleSetId: 'default' } });

    const other = createAppStore({ io: createIoService() });
    expect(await other.getState().openProject({ fileName: 'rules.cfc.json', bytes: enc(saved) })).toBe(true);
    const o = other.getState();
    expect(o.doc.ruleSets).toEqual(s().doc.ruleSets);
    expect(targetOf(o)).toBe(0.5);
    expect(currentRuleSet(o)?.rules.find((r) => r.id === RULE)?.enabled).toBe(false);
    // Opening is one step: undo leaves the edited set behind with the rest of the opened project.
    o.undo();
    expect(other.getState().doc.ruleSets).toEqual([]);
  });

  it('New project drops the user\'s sets; undo brings them back', () => {
    const store = storeWithDefault();
    const s = () => store.getState();
    s().rules.editRule(RULE, { target: 0.5 });
    s().newProject();
    expect(s().doc.ruleSets).toEqual([]);
    s().undo();
    expect(targetOf(s())).toBe(0.5);
  });
});
