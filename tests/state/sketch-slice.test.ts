import { describe, expect, it } from 'vitest';
import { createIoService } from '../../src/core/io/io-service';
import { createAppStore, proposeFromWish, shownRun } from '../../src/state';
import { memoryStorage } from '../../src/state/autosave/storage';
import { activeFacilityProposals } from '../../src/state/actions/scenario-proposals';
import { fakeIo } from './fake-io';
import { PLAY_RULE_SET, point, storeWithCity } from './sketch-city';

describe('sketch slice', () => {
  it('a drawn sticker carries the sticker, the session age band and group, never more', async () => {
    const store = createAppStore({ io: fakeIo() });
    const s = () => store.getState();
    s().setSketchSession('7_12', '  table 2 ');
    s().chooseSticker('danger');
    expect(s().sketch.tool).toBe('point');
    s().drawSketch('a', point(114, 22));
    s().drawSketch('r', { type: 'LineString', coordinates: [[114, 22], [114.001, 22.001]] });
    const [a, r] = s().sketch.features;
    expect(a!.properties).toMatchObject({ kind: 'danger', emoji: '⚠️', age_band: '7_12', group: 'table 2' });
    expect(Object.keys(a!.properties).sort()).toEqual(['age_band', 'created', 'emoji', 'group', 'kind', 'updated']);
    expect(r!.properties.kind).toBe('route');
    expect(s().sketch.canUndo).toBe(true);
    s().undoSketch();
    expect(s().sketch.features.map((f) => f.id)).toEqual(['a']);
    s().redoSketch();
    s().moveSketch('a', point(114.5, 22));
    s().deleteSketch('r');
    expect(s().sketch.features.map((f) => [f.id, f.geometry.coordinates])).toEqual([['a', [114.5, 22]]]);
    // The sketch is not the project: its edits leave the project's history alone.
    expect(s().history.past).toHaveLength(0);
  });

  it('a viewer cannot draw; a room is restored from storage when opened', async () => {
    const storage = memoryStorage();
    const first = createAppStore({ io: fakeIo() });
    await first.getState().attachSketchStorage(storage);
    await first.getState().openSketchRoom('w1', 'editor');
    first.getState().drawSketch('x', point(1, 1));
    await first.getState().flushSketch();

    const second = createAppStore({ io: fakeIo() });
    await second.getState().attachSketchStorage(storage);
    expect(second.getState().sketch.features).toEqual([]); // the local sketch is another room
    await second.getState().openSketchRoom('w1', 'viewer');
    expect(second.getState().sketch.features.map((f) => f.id)).toEqual(['x']);
    expect(second.getState().drawSketch('y', point(2, 2))).toBeNull();
    second.getState().deleteSketch('x');
    expect(second.getState().sketch.features.map((f) => f.id)).toEqual(['x']);
    expect(second.getState().sketch.issue).toBe('sketch.viewer');
  });

  it('a wish becomes a facility proposal of the active scenario, and the access run shows who is newly within reach', async () => {
    const store = await storeWithCity();
    const s = () => store.getState();
    s().chooseSticker('playground');
    s().drawSketch('wish-1', point(0.016, 0));
    const effect = await proposeFromWish(s, 'wish-1', 'playground', 'Children\'s wishes');
    // At 500 m (the shown threshold): before only h1 (2 children); after h1, h2 and h3 (2 + 3 + 1).
    expect(effect).toMatchObject({ category: 'playground', before: { thresholdM: 500, homes: 1, children: 2 }, after: { thresholdM: 500, homes: 3, children: 6 } });
    expect(activeFacilityProposals(s().doc)).toEqual([{ id: 'sketch-wish-1', category: 'playground', lng: 0.016, lat: 0 }]);
    expect(shownRun(s())?.request.proposals).toHaveLength(1);
    const byId = Object.fromEntries(s().sketch.features.map((f) => [f.id, f.properties]));
    expect(byId['wish-1']).toMatchObject({ kind: 'wish', status: 'accepted' });
    expect(byId['sketch-wish-1']).toMatchObject({ kind: 'proposal', category: 'playground', source_id: 'wish-1', status: 'open' });
    // One undo step in the project takes the proposal out again.
    s().undo();
    expect(activeFacilityProposals(s().doc)).toEqual([]);
  });

  it('project files carry the sketch: saved with its features, opened through the sanitizer, never in the document', async () => {
    const store = createAppStore({ io: createIoService() });
    store.getState().chooseSticker('shade');
    store.getState().drawSketch('s1', point(114.05, 22.54));
    const saved = JSON.parse(store.getState().projectJson()) as Record<string, unknown>;
    expect(saved.sketch).toEqual(store.getState().sketch.features);
    // A file edited by hand: a name slipped in, one feature without a kind.
    const evil = { ...saved, sketch: [
      ...(saved.sketch as object[]),
      { type: 'Feature', id: 'n', geometry: point(114, 22), properties: { kind: 'danger', name: 'Tom' } },
      { type: 'Feature', id: 'k', geometry: point(114, 22), properties: {} },
    ] };
    const other = createAppStore({ io: createIoService() });
    expect(await other.getState().openProject({ fileName: 'p.json', bytes: new TextEncoder().encode(JSON.stringify(evil)) })).toBe(true);
    expect(other.getState().sketch.features.map((f) => [f.id, f.properties.kind, 'name' in f.properties])).toEqual([['n', 'danger', false], ['s1', 'wish', false]]);
    expect(other.getState().doc).not.toHaveProperty('sketch');
    expect(other.getState().sketch.canUndo).toBe(false);
  });

  it('New project clears the sketch in one sketch edit that its undo brings back; a viewer clears nothing', async () => {
    const store = createAppStore({ io: fakeIo() });
    const s = () => store.getState();
    s().chooseSticker('bench');
    s().drawSketch('b1', point(114, 22));
    s().drawSketch('b2', point(114.01, 22));
    s().selectSketch('b1');
    s().newProject();
    expect(s().sketch.features).toEqual([]);
    expect(s().sketch.selectedId).toBeNull();
    expect(s().doc.layers).toEqual([]);
    s().undoSketch();
    expect(s().sketch.features.map((f) => f.id)).toEqual(['b1', 'b2']);

    const storage = memoryStorage();
    const w = createAppStore({ io: fakeIo() });
    await w.getState().attachSketchStorage(storage);
    await w.getState().openSketchRoom('w2', 'editor');
    w.getState().drawSketch('x', point(1, 1));
    await w.getState().flushSketch();
    const viewer = createAppStore({ io: fakeIo() });
    await viewer.getState().attachSketchStorage(storage);
    await viewer.getState().openSketchRoom('w2', 'viewer');
    expect(viewer.getState().clearSketch()).toBe(0);
    expect(viewer.getState().sketch.features.map((f) => f.id)).toEqual(['x']);
  });

  it('with a rule set, the proposal shows the gaps it closes per level and the scorecard change', async () => {
    const store = await storeWithCity();
    const s = () => store.getState();
    // One community rule: 80 % of children 4–12 within 500 m of a playground. Before: only h1's 2 of 6
    // children (33 %), a gap; after the wish at 0.016°: all 6 (100 %), closed; c1 becomes child-friendly.
    expect(s().rules.importRuleSet(PLAY_RULE_SET, 'play.json')).toBe(true);
    s().chooseSticker('playground');
    s().drawSketch('wish-2', point(0.016, 0));
    const effect = await proposeFromWish(s, 'wish-2', 'playground', 'Wishes');
    expect(effect?.error).toBeUndefined();
    expect(effect?.gaps).toMatchObject({ ruleSetId: 'play-test', failingBefore: 1, failingAfter: 0 });
    expect(effect?.gaps?.levels.find((l) => l.level === 'community')).toEqual({
      level: 'community', before: 1, after: 0, closed: 1, opened: 0, friendlyBefore: 0, friendlyAfter: 1, units: 1,
    });
    expect(effect?.gaps?.closed).toEqual([{ rule_id: 'community.play-500m', scale: 'community', unit_id: 'c1', unit_name: 'One' }]);
    // The rules panel shows the after state: the rule check is the shown one.
    expect(s().rules.result?.evaluation.gaps).toEqual([]);
  });
});
