/** What the user can set for an OSM import (all optional; the defaults are documented where they live). */
import type { AdminLevelMapping } from './admin-levels';
import type { OsmCategoryRule } from './category-mapping';
import type { ChildEstimateConfig } from './estimate-children';

export interface OsmImportOptions {
  /** Facility tag mapping; default DEFAULT_OSM_CATEGORY_MAPPING. */
  readonly categoryMapping?: readonly OsmCategoryRule[];
  /** admin_level → unit level; default 'auto' (the four finest levels present). */
  readonly adminLevels?: AdminLevelMapping | 'auto';
  /** false: homes without child counts; an object overrides estimate defaults. Default true. */
  readonly estimateChildren?: boolean | Partial<ChildEstimateConfig>;
  /** Passed through into progress reports. */
  readonly jobId?: string;
}
