export { generateDemoCity, detailFor, DEFAULT_SEED, DEFAULT_PEOPLE, DEMO_PEOPLE, SHENZHEN } from './generate';
export type { DemoCity, DemoLayer, DemoManifest, DemoManifestLayer, DemoOptions, DemoStats } from './generate';
export { encodeFgb, checkColumnTypes } from './encode';
export type { Plan, Community, StreetUnit, District, Tier, Fabric, StreetRole } from './plan';
export { Rng, hashString } from './random';
