/** The store's shape: one zustand store built from slices (document, data, session, jobs). */
import type { BBox, LayerRole, LoadedLayer, Project } from '../core/model';
import type { DataZip, DataZipRequest } from '../core/export/manifest';
import type { AnalysisApi } from '../protocol/analysis-api';
import type { IoApi, LoadOptions, LoadSource } from '../protocol/io-api';
import type { JobError, JobId, JobResult, ProgressFn } from '../protocol/jobs';
import type { DocAction } from './actions/define';
import type { AnalysisSlice } from './analysis-slice';
import type { BasemapConsentSlice } from './basemap-consent-slice';
import type { Capture, History } from './history';
import type { ImportSlice } from './import-slice';
import type { ProjectSlice } from './project-slice';
import type { Withheld } from './personal-fields';
import type { RulesSlice } from './rules-slice';
import type { SafetySlice } from './safety-slice';
import type { SketchSlice } from './sketch-slice';
import type { RunsSlice } from './runs-slice';
import type { WallSlice } from './wall-slice';

export type Language = 'en' | 'zh';
export type LocalizedName = Readonly<Record<Language, string>>;

/** Services the store talks to; the app injects comlink remotes, tests in-process implementations. */
export interface Services {
  readonly io: IoApi;
  /** Access analysis, rules and site suggestions (workers/analysis.worker.ts); absent in io-only tests. */
  readonly analysis?: AnalysisApi;
}

/** A layer's features and what the loader learned; kept beside the document so history stays cheap. */
export interface LayerData
  extends Pick<LoadedLayer, 'fileName' | 'data' | 'geometryKind' | 'bbox' | 'featureCount' | 'fieldNames' | 'warnings' | 'roleGuess'> {
  /** Names in both languages when the source gives them (the demo manifest). */
  readonly names?: LocalizedName;
  /** The lon/lat box the features were cut to when the layer was loaded for the map view only. */
  readonly extractBbox?: BBox;
  /** Personal fields taken out of the features at load (personal-fields.ts), until the user keeps them. */
  readonly withheld?: Withheld;
}

export interface DocumentSlice {
  /** The undoable, serialisable project (projectSchema). */
  readonly doc: Project;
  readonly history: History;
  commit<A>(action: DocAction<A>, args: A, capture?: Capture, mergeKey?: string): void;
  undo(): void;
  redo(): void;
}

export interface DataSlice {
  /** By layer id. Entries outlive their layer's removal so that undo can bring it back. */
  readonly layerData: Readonly<Record<string, LayerData>>;
}

export interface View {
  readonly zoom: number;
  readonly lat: number;
  readonly lng: number;
}

export type CameraRequest =
  | { readonly kind: 'bbox'; readonly bbox: BBox; readonly seq: number }
  | { readonly kind: 'view'; readonly view: View; readonly seq: number };

export interface Selection {
  readonly layerId: string;
  readonly featureIndex: number;
}

export interface DemoInfo {
  readonly synthetic: boolean;
  readonly name: LocalizedName;
}

export type PanelId = 'layers' | 'analysis' | 'rules' | 'sketch' | 'export' | 'safety';

export interface SessionSlice {
  /** The camera as the map last reported it (moveend). */
  readonly view: View | null;
  /** The visible area in lon/lat [west, south, east, north] as the map last reported it (load, moveend). */
  readonly viewBounds: BBox | null;
  /** Load indexed FlatGeobuf files for the visible area only (session choice, not in the document). */
  readonly loadViewOnly: boolean;
  /** A camera move asked for by the UI; the map performs it once per seq. */
  readonly cameraRequest: CameraRequest | null;
  readonly selection: Selection | null;
  readonly language: Language;
  readonly openPanel: PanelId;
  readonly demo: DemoInfo | null;
  /**
   * Whether this tab keeps the session in the browser (autosave), or another tab of the app does (one writer
   * at a time, src/app/autosave-owner.ts); null before start-up decides or without storage.
   */
  readonly autosaveTab: AutosaveTab | null;
  /** The map reports its camera, and its visible bounds when it knows them. */
  setView(view: View, bounds?: BBox): void;
  setViewBounds(bounds: BBox): void;
  setLoadViewOnly(on: boolean): void;
  zoomToLayer(layerId: string): void;
  requestView(view: View): void;
  requestBounds(bbox: BBox): void;
  select(selection: Selection | null): void;
  setLanguage(language: Language): void;
  setOpenPanel(panel: PanelId): void;
  setDemo(demo: DemoInfo | null): void;
  /** Start-up sets who keeps the session and how this tab takes over. */
  setAutosaveTab(tab: AutosaveTab, takeOver?: () => void): void;
  /** Asks the tab that keeps the session to let this one keep it (no-op when this tab does). */
  takeOverAutosave(): void;
}

export type AutosaveTab = 'owner' | 'other-tab';

/** Every long task is one of these, run by `runJob` and listed in `jobs`. */
export type JobKind = 'load' | 'project' | 'analysis' | 'rules' | 'siting' | 'safe-routes' | 'export';

export interface JobState {
  readonly id: JobId;
  readonly kind: JobKind;
  /** What the job is about: a file name, or empty when `labelKey` names it. */
  readonly label: string;
  /** i18n key of the label (an analysis, a rule check) when there is no file name. */
  readonly labelKey?: string;
  readonly stage: string;
  readonly fraction?: number;
  /** The worker that hears this job's cancel. */
  readonly worker: 'io' | 'analysis';
}

/** What `runJob` needs: which worker, the first stage, and the work, given its id and progress sink. */
export interface JobSpec<T> {
  readonly kind: JobKind;
  readonly label?: string;
  readonly labelKey?: string;
  readonly worker: 'io' | 'analysis';
  readonly stage: string;
  run(ctx: { readonly jobId: JobId; readonly onProgress: ProgressFn; cancelled(): boolean }): Promise<JobResult<T>>;
}

export interface ErrorRecord {
  readonly id: string;
  /** The file (or other subject) the error is about. */
  readonly subject: string;
  readonly error: JobError;
}

export interface LoadItem {
  readonly source: LoadSource;
  /** Overrides the loader's guesses (the demo manifest knows the roles). */
  readonly role?: LayerRole;
  readonly category?: string;
  readonly names?: LocalizedName;
  /** The file name in data/demo/ when the layer is one of the embedded demo layers. */
  readonly demoFile?: string;
  /** Reader options (OSM import options, reference area for coordinate checks); default none. */
  readonly options?: LoadOptions;
}

export interface JobsSlice {
  readonly jobs: Readonly<Record<JobId, JobState>>;
  readonly errors: readonly ErrorRecord[];
  /**
   * Parses the items in the io worker (all at once), then adds every layer that loaded, in item order,
   * as one step. Failed items become error records; nothing already loaded is touched.
   * Resolves to the new layer ids. Layers named in `replace` (the demo's) leave in that same step when
   * anything loaded, and results computed from them are forgotten.
   */
  loadFiles(items: readonly LoadItem[], capture?: 'record' | 'skip', replace?: readonly string[]): Promise<string[]>;
  /**
   * The one job runner: registers the job (progress bar, Cancel), runs it, and ends it the same way
   * whatever happens — cancelled by the user (even if the worker finished first) → `cancelled`; a thrown
   * coded error or a worker that died → that error. Never throws. Callers decide where an error is shown.
   */
  runJob<T>(spec: JobSpec<T>): Promise<JobResult<T>>;
  /** The data export as an io worker job (IoApi.exportData): listed, with progress and Cancel, like a load. */
  exportData(request: DataZipRequest): Promise<JobResult<DataZip>>;
  cancelJob(id: JobId): void;
  dismissError(id: string): void;
  reportError(subject: string, error: JobError): void;
}

export type AppState = DocumentSlice & DataSlice & SessionSlice & JobsSlice & AnalysisSlice & ImportSlice & RulesSlice & ProjectSlice
  & BasemapConsentSlice & SafetySlice & SketchSlice & RunsSlice & WallSlice;
