import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { createAnalysisService } from '../../src/core/analysis';
import { proposeFromWish, type AppStore } from '../../src/state';
import { addFeature, createSketchDoc } from '../../src/sketch/sketch-doc';
import { PLAY_RULE_SET, point, storeWithCity } from './sketch-city';

/** A results wall: the same city, the workshop's room opened as a viewer, the desk's document synced in. */
async function wallOf(source: Y.Doc, analysis = createAnalysisService()): Promise<AppStore> {
  const wall = await storeWithCity(analysis);
  await wall.getState().openSketchRoom('w', 'viewer');
  wall.getState().setWall(true);
  Y.applyUpdate(wall.getState().sketchDoc().ydoc, Y.encodeStateAsUpdate(source));
  return wall;
}

const proposal = (id: string, lng: number, at: string) => ({
  id, geometry: point(lng, 0), properties: { kind: 'proposal', category: 'playground', status: 'open' }, at: new Date(at),
});

describe('results wall', () => {
  it("measures the desk's proposal itself and shows the desk's figures, writing nothing", async () => {
    const desk = await storeWithCity();
    expect(desk.getState().rules.importRuleSet(PLAY_RULE_SET, 'play.json')).toBe(true);
    desk.getState().chooseSticker('playground');
    desk.getState().drawSketch('wish-1', point(0.016, 0));
    const deskEffect = await proposeFromWish(desk.getState, 'wish-1', 'playground', 'Wishes');

    const wall = await wallOf(desk.getState().sketchDoc().ydoc);
    expect(wall.getState().rules.importRuleSet(PLAY_RULE_SET, 'play.json')).toBe(true);
    const doc = wall.getState().doc;
    const stateVector = Y.encodeStateVector(wall.getState().sketchDoc().ydoc);
    await wall.getState().measureWall();
    const effect = wall.getState().wall.effects['sketch-wish-1'];
    // Hand-computed (sketch-city.ts): at 500 m only h1's 2 children before; all 6 after; c1's gap closed.
    expect(effect).toMatchObject({ wishId: 'wish-1', proposalId: 'sketch-wish-1', category: 'playground', before: { homes: 1, children: 2 }, after: { homes: 3, children: 6 } });
    expect(effect?.gaps).toMatchObject({ failingBefore: 1, failingAfter: 0 });
    expect(effect).toEqual(deskEffect);
    // A viewer: the sketch and the project are as they were (no scenario, no proposal of its own).
    expect(Y.encodeStateVector(wall.getState().sketchDoc().ydoc)).toEqual(stateVector);
    expect(wall.getState().doc.scenarios).toBe(doc.scenarios);
    expect(wall.getState().wall.measuring).toBe(false);
  });

  it('measures proposals in the order they were made, each against those before it; a new proposal costs one run', async () => {
    const analysis = createAnalysisService();
    let runs = 0;
    const counted: typeof analysis = { ...analysis, run: (...a) => (runs++, analysis.run(...a)), runWithRules: (...a) => (runs++, analysis.runWithRules(...a)) };
    const source = createSketchDoc();
    // Made first at 0.013° (h2 222 m away, h3 556 m), then at 0.018° (h3 on it); ids in the other order.
    for (const p of [proposal('p-b', 0.013, '2026-06-01T10:00:00Z'), proposal('p-a', 0.018, '2026-06-01T10:05:00Z')]) {
      expect(addFeature(source, p, p.at).ok).toBe(true);
    }
    const wall = await wallOf(source.ydoc, counted);
    await wall.getState().measureWall();
    const effects = wall.getState().wall.effects;
    // Children within 500 m: baseline h1 (2); + p-b: h2 (3) → 5; + p-a: h3 (1) → 6.
    expect(effects['p-b']).toMatchObject({ before: { children: 2, homes: 1 }, after: { children: 5, homes: 2 } });
    expect(effects['p-a']).toMatchObject({ before: { children: 5, homes: 2 }, after: { children: 6, homes: 3 } });
    expect(runs).toBe(3);
    await wall.getState().measureWall();
    expect(runs).toBe(3);
    // A third proposal (on h1's playground: nobody new) costs the one run with it.
    const third = proposal('p-c', 0.001, '2026-06-01T10:09:00Z');
    addFeature(source, third, third.at);
    Y.applyUpdate(wall.getState().sketchDoc().ydoc, Y.encodeStateAsUpdate(source.ydoc));
    await wall.getState().measureWall();
    expect(runs).toBe(4);
    expect(wall.getState().wall.effects['p-c']).toMatchObject({ before: { children: 6 }, after: { children: 6 } });
    // The proposals gone: nothing to show.
    source.ydoc.transact(() => source.features.clear());
    Y.applyUpdate(wall.getState().sketchDoc().ydoc, Y.encodeStateAsUpdate(source.ydoc));
    await wall.getState().measureWall();
    expect(wall.getState().wall.effects).toEqual({});
  });
});
