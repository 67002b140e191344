import { useSyncExternalStore } from 'react';
import { areaFromHash, type AreaId } from './areas';

const subscribe = (onChange: () => void): (() => void) => {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
};

const readHash = (): string => window.location.hash;

/** The area the location hash names; links are plain `#/area` anchors, so reloads and Back keep the area. */
export const useArea = (): AreaId => areaFromHash(useSyncExternalStore(subscribe, readHash));
