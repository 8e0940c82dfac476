/**
 * The administrative plan: which grid cells form which community, street (街道) and district, and what
 * each community is designed to show (its service tier and urban fabric).
 */
import type { Grid } from './grid';
import { baseName, unitName, type BiName } from './names';
import type { Rng } from './random';

/**
 * A: well served, designed to pass every community rule of the default pack: five child-service hubs (a
 * kindergarten with a nursery wing and a playground: one per quadrant, one central), a nursery point with a
 * pocket playground, a primary school, a children's home, public mid-block paths in every block. B: partly
 * served (one kindergarten, two playgrounds, a nursery in some; misses the 300 m share rules). C:
 * underserved (no child facility at all).
 */
export type Tier = 'A' | 'B' | 'C';
/** estate: mid/high-rise towers, registered child counts. village: dense 城中村 fabric, estimated counts. */
export type Fabric = 'estate' | 'village';
/**
 * What a street (街道) is designed to show under the default pack. served: tier A communities on both
 * sides of a tier B middle column whose communities hold the street's park, middle school and a primary
 * school; a primary school in every community: every street rule passes (a child-friendly street). ordinary: tier B only, so no child-friendly
 * community; few schools, no park. underserved: tier C only, mostly urban villages: fails every rule.
 */
export type StreetRole = 'served' | 'ordinary' | 'underserved';

export interface CellRange {
  readonly i0: number;
  readonly i1: number;
  readonly j0: number;
  readonly j1: number;
}

export interface District extends CellRange {
  readonly id: string;
  readonly code: string;
  readonly name: BiName;
  /** Designed to fail the district rules: no served street and no children's hospital. */
  readonly lagging: boolean;
}

export interface StreetUnit extends CellRange {
  readonly id: string;
  readonly code: string;
  readonly name: BiName;
  readonly district: number;
  readonly role: StreetRole;
  readonly underserved: boolean;
}

export interface Community extends CellRange {
  readonly id: string;
  readonly code: string;
  readonly name: BiName;
  readonly street: number;
  readonly tier: Tier;
  readonly fabric: Fabric;
  /** Every block has public mid-block paths both ways (served streets: open, permeable blocks). */
  readonly open: boolean;
  /** Holds its served street's middle school and park (the middle community of each row). */
  readonly streetHub: boolean;
  readonly people: number;
  /** The community that holds the large park with the unreachable enclave and the road tunnel. */
  readonly park: boolean;
}

export interface Plan {
  readonly districts: District[];
  readonly streets: StreetUnit[];
  readonly communities: Community[];
  /** Row line (community grid index) carried by the elevated expressway. */
  readonly trunkRow: number;
  /** Column line carrying an arterial without sidewalks (foot=no), and the line a footbridge crosses. */
  readonly footNoColumn: number;
  readonly footbridgeColumn: number;
}

/** Splits n into consecutive chunks of `size`, a last short chunk merged when it would be < min. */
function chunks(n: number, size: number, min: number): [number, number][] {
  const out: [number, number][] = [];
  for (let a = 0; a < n; a += size) out.push([a, Math.min(n, a + size)]);
  const last = out[out.length - 1];
  if (out.length > 1 && last[1] - last[0] < min) {
    out.pop();
    out[out.length - 1] = [out[out.length - 1][0], n];
  }
  return out;
}

const pad = (n: number, w: number): string => String(n).padStart(w, '0');

/**
 * Street roles: one street per district is underserved (index (2d + 1) mod streets); the last district (of
 * two or more) lags: no served street (so no child-friendly street) and no children's hospital. Elsewhere
 * a street is served when its index and its district's have the same parity, else ordinary.
 */
export function streetRole(d: number, s: number, nDistricts: number, nStreets: number): StreetRole {
  const lagging = nDistricts > 1 && d === nDistricts - 1;
  if (s === (d * 2 + 1) % nStreets) return 'underserved';
  return !lagging && (s + d) % 2 === 0 ? 'served' : 'ordinary';
}

/** k consecutive chunks of n rows whose sizes differ by at most one (the larger ones first). */
export function evenChunks(n: number, k: number): [number, number][] {
  const out: [number, number][] = [];
  for (let c = 0, a = 0; c < k; c++) {
    const size = Math.floor(n / k) + (c < n % k ? 1 : 0);
    out.push([a, a + size]);
    a += size;
  }
  return out;
}

/**
 * How many streets (街道) each district has. Absent: every district cuts its rows in pairs (the demo). Given
 * (the Shenzhen-scale city: 74 streets in 10 districts), district d's rows are shared out among its streets.
 */
export type StreetsPerDistrict = readonly number[];

export function makePlan(grid: Grid, people: number, rng: Rng, streetsPerDistrict?: StreetsPerDistrict): Plan {
  const districts: District[] = [];
  const streets: StreetUnit[] = [];
  const draft: Omit<Community, 'people' | 'park'>[] = [];
  let nameIdx = 0;
  const nextName = (): BiName => baseName(nameIdx++);
  const colChunks = chunks(grid.nx, 3, 2);
  if (streetsPerDistrict && streetsPerDistrict.length !== colChunks.length) {
    throw new Error(`demo-plan: ${streetsPerDistrict.length} street counts for ${colChunks.length} districts`);
  }
  const rowsOf = (d: number): [number, number][] => (streetsPerDistrict ? evenChunks(grid.ny, streetsPerDistrict[d]) : chunks(grid.ny, 2, 1));
  const rowChunks = rowsOf(0);
  colChunks.forEach(([i0, i1], d) => {
    const dCode = `9901${pad(d + 1, 2)}`;
    const lagging = colChunks.length > 1 && d === colChunks.length - 1;
    districts.push({ id: `d${d + 1}`, code: `${dCode}000000`, name: unitName(nextName(), 'District', '区'), lagging, i0, i1, j0: 0, j1: grid.ny });
    const rows = rowsOf(d);
    rows.forEach(([j0, j1], s) => {
      const sCode = `${dCode}${pad(s + 1, 3)}`;
      const streetIdx = streets.length;
      const role = streetRole(d, s, colChunks.length, rows.length);
      const underserved = role === 'underserved';
      streets.push({ id: `d${d + 1}s${s + 1}`, code: `${sCode}000`, name: unitName(nextName(), 'Subdistrict', '街道'), district: d, role, underserved, i0, i1, j0, j1 });
      let c = 0;
      const mid = i0 + Math.floor((i1 - i0) / 2);
      for (let j = j0; j < j1; j++) {
        for (let i = i0; i < i1; i++) {
          const tier: Tier = underserved ? 'C' : role === 'served' && i !== mid ? 'A' : 'B';
          const village = rng.chance(underserved ? 0.85 : 0.35);
          draft.push({
            id: `d${d + 1}s${s + 1}c${c + 1}`, code: `${sCode}${pad(c + 1, 3)}`, name: unitName(nextName(), 'Community', '社区'),
            street: streetIdx, tier, fabric: village ? 'village' : 'estate', open: role === 'served',
            streetHub: role === 'served' && i === mid, i0: i, i1: i + 1, j0: j, j1: j + 1,
          });
          c++;
        }
      }
    });
  });
  const trunkRow = rowChunks[Math.floor(rowChunks.length / 2)][0];
  // The large park sits in a tier B community of an ordinary street (else any other tier B community),
  // away from the city edge and from the expressway.
  const inner = draft.filter((c) => c.tier === 'B' && c.i0 > 0 && c.i1 < grid.nx && c.j0 > 0 && c.j1 < grid.ny && c.j0 !== trunkRow && c.j1 !== trunkRow);
  const ordinary = inner.filter((c) => streets[c.street].role === 'ordinary');
  const pool = ordinary.length > 0 ? ordinary : inner;
  const parkId = (pool.length > 0 ? pool[Math.floor(pool.length / 2)] : draft[0]).id;
  const weights = draft.map((c) => rng.range(0.75, 1.3) * (c.id === parkId ? 0.5 : 1));
  const wsum = weights.reduce((a, b) => a + b, 0);
  const communities = draft.map((c, k) => ({ ...c, people: (people * weights[k]) / wsum, park: c.id === parkId }));
  const footNoColumn = districts.length > 2 ? districts[2].i0 : districts[districts.length - 1].i1;
  const footbridgeColumn = districts.length > 1 ? districts[1].i0 : 0;
  return { districts, streets, communities, trunkRow, footNoColumn, footbridgeColumn };
}
