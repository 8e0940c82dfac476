import type { ExpressionSpecification } from 'maplibre-gl';
import type { Language } from '../../state';

export const LABEL_FONT = ['Noto Sans Regular'];

/** The name in the map's language, falling back to the other one (data-schema: name, name_zh). */
export const labelText = (lang: Language): ExpressionSpecification =>
  lang === 'zh'
    ? ['coalesce', ['get', 'name_zh'], ['get', 'name:zh'], ['get', 'name'], '']
    : ['coalesce', ['get', 'name'], ['get', 'name:en'], ['get', 'name_zh'], ''];
