import type { i18n as I18n } from 'i18next';
import type { CSSProperties } from 'react';
import { I18nextProvider, useTranslation } from 'react-i18next';
import type { MapHandle, MapOptions } from '../map/map-controller';
import { MapView } from '../map/MapView';
import type { AppStore } from '../state';
import { AnalysisPanel } from '../ui/analysis/AnalysisPanel';
import { BasemapConsent } from '../ui/BasemapConsent';
import { BasemapSettings } from '../ui/BasemapSettings';
import { DemoNotice } from '../ui/DemoNotice';
import { AutosaveTabNotice } from '../ui/project/AutosaveTabNotice';
import { DropZone } from '../ui/DropZone';
import { ErrorAlerts } from '../ui/ErrorAlerts';
import { ImportDialogs } from '../ui/import/ImportDialogs';
import { FeatureInspector } from '../ui/FeatureInspector';
import { JobsBar } from '../ui/JobsBar';
import { LayerPanel } from '../ui/layers/LayerPanel';
import { MapLegend } from '../ui/MapLegend';
import { RulesPanel } from '../ui/rules/RulesPanel';
import { SafetyPanel } from '../ui/safety/SafetyPanel';
import { KidMode } from '../ui/sketch/KidMode';
import { ResultsWall } from '../ui/sketch/ResultsWall';
import { SketchPanel } from '../ui/sketch/SketchPanel';
import { SidebarResizer, useSidebarWidth } from '../ui/SidebarResizer';
import { SidebarTabs, type PanelEntry } from '../ui/SidebarTabs';
import { StoreContext, useAppState } from '../ui/store-context';
import { Toolbar } from '../ui/Toolbar';
import '../ui/styles.css';

interface Props {
  readonly store: AppStore;
  readonly i18n: I18n;
  readonly mapOptions: MapOptions;
  readonly onMap: (handle: MapHandle | null) => void;
}

/** The sidebar's panels, in tab order. Each feature adds its own entry. */
const PANELS: readonly PanelEntry[] = [
  {
    id: 'layers',
    labelKey: 'panel.layers',
    render: () => (
      <>
        <LayerPanel />
        <BasemapSettings />
      </>
    ),
  },
  { id: 'analysis', labelKey: 'panel.analysis', render: () => <AnalysisPanel /> },
  { id: 'rules', labelKey: 'panel.rules', render: () => <RulesPanel /> },
  { id: 'safety', labelKey: 'panel.safety', render: () => <SafetyPanel /> },
  { id: 'sketch', labelKey: 'panel.sketch', render: () => <SketchPanel /> },
];

function Shell({ store, mapOptions, onMap }: Omit<Props, 'i18n'>) {
  const { t } = useTranslation();
  const [width, setWidth] = useSidebarWidth();
  const wall = useAppState((s) => s.wall.on);
  return (
    <div className={wall ? 'app wall-mode' : 'app'} style={{ '--sidebar-width': `${width}px` } as CSSProperties}>
      <header className="app-header">
        <h1>{t('app.title')}</h1>
        <Toolbar />
      </header>
      <aside className="sidebar" id="sidebar">
        <SidebarTabs panels={PANELS} />
      </aside>
      <SidebarResizer width={width} onResize={setWidth} />
      <main className="main">
        <DropZone>
          <MapView store={store} options={mapOptions} onMap={onMap} label={t('map.label')} />
        </DropZone>
        <div className="overlays">
          {/* On the map, not in the header: the header's height, and so the map's size, never depends on it. */}
          <DemoNotice />
          <AutosaveTabNotice />
          <ErrorAlerts />
          <JobsBar />
        </div>
        <MapLegend />
        <FeatureInspector />
        <ImportDialogs />
        <BasemapConsent />
        <KidMode />
      </main>
      <ResultsWall />
    </div>
  );
}

export function App({ store, i18n, mapOptions, onMap }: Props) {
  return (
    <I18nextProvider i18n={i18n}>
      <StoreContext.Provider value={store}>
        <Shell store={store} mapOptions={mapOptions} onMap={onMap} />
      </StoreContext.Provider>
    </I18nextProvider>
  );
}
