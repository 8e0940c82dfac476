import { useEffect, useRef } from 'react';
import 'maplibre-gl/dist/maplibre-gl.css';
import type { AppStore } from '../state';
import { mountMap, type MapHandle, type MapOptions } from './map-controller';

interface Props {
  readonly store: AppStore;
  readonly options: MapOptions;
  readonly onMap?: (handle: MapHandle | null) => void;
  readonly label: string;
}

/** A thin React shell around the imperative map; the map reads the store itself. */
export function MapView({ store, options, onMap, label }: Props) {
  const ref = useRef<HTMLDivElement>(null);
  const onMapRef = useRef(onMap);
  useEffect(() => {
    const handle = mountMap(ref.current!, store, options);
    onMapRef.current?.(handle);
    return () => {
      onMapRef.current?.(null);
      handle.destroy();
    };
    // The map is created once per store; options are read at creation.
  }, [store]);
  return <div ref={ref} className="map" role="region" aria-label={label} data-testid="map" />;
}
