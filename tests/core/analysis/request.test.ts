/** The one access request builder: settings and the active scenario → the run's request, by hand. */
import { describe, expect, it } from 'vitest';
import { buildAccessRequest } from '../../../src/core/analysis';
import { emptyProject } from '../../../src/core/model';

describe('buildAccessRequest', () => {
  const settings = { ...emptyProject().settings, thresholdsM: [300, 500], maxSnapM: 120, walkSpeedsMps: { '4-6': 0.9 } };
  const proposal = { id: 'proposal-1', category: 'kindergarten', lng: 114.05, lat: 22.55 };

  it('carries the settings as they are, the categories and isochrones asked, and the proposals', () => {
    expect(buildAccessRequest(settings as never, { categories: ['playground'], proposals: [proposal], isochrones: 'segments' })).toEqual({
      categories: ['playground'],
      thresholds: [{ m: 300 }, { m: 500 }],
      speedsMps: { '4-6': 0.9 },
      maxSnapM: 120,
      isochrones: 'segments',
      proposals: [proposal],
    });
  });

  it('leaves out what is not set: no speeds, no proposals', () => {
    const { walkSpeedsMps: _none, ...plain } = settings;
    const r = buildAccessRequest(plain as never, { categories: [], proposals: [], isochrones: 'none' });
    expect(r).toEqual({ categories: [], thresholds: [{ m: 300 }, { m: 500 }], maxSnapM: 120, isochrones: 'none' });
  });
});
