import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DEFAULT_OSM_CATEGORY_MAPPING, formatTagMatches, parseTagMatches, type OsmCategoryRule } from '../../core/io/osm/category-mapping';

/**
 * The OSM import's tag → category mapping as an editable table: one text per category
 * (`amenity=school · school=*`). A text that does not parse is marked and reported, and `onChange` gets
 * null until it is fixed, so the dialog never imports with a half-read rule.
 */
export function CategoryMappingEditor({ value, onChange }: {
  readonly value: readonly OsmCategoryRule[] | undefined;
  readonly onChange: (mapping: readonly OsmCategoryRule[] | null) => void;
}) {
  const { t } = useTranslation();
  const rules = value ?? DEFAULT_OSM_CATEGORY_MAPPING;
  const [texts, setTexts] = useState(() => rules.map((r) => formatTagMatches(r.anyOf)));
  const parsed = texts.map(parseTagMatches);
  const edit = (i: number, text: string) => {
    const next = texts.map((x, k) => (k === i ? text : x));
    setTexts(next);
    const all = next.map(parseTagMatches);
    onChange(all.every((m) => m !== null) ? rules.map((r, k) => ({ ...r, anyOf: all[k]! })) : null);
  };
  const reset = () => {
    setTexts(DEFAULT_OSM_CATEGORY_MAPPING.map((r) => formatTagMatches(r.anyOf)));
    onChange(DEFAULT_OSM_CATEGORY_MAPPING);
  };
  return (
    <>
      <table className="category-mapping">
        <thead><tr><th scope="col">{t('layers.category')}</th><th scope="col">{t('import.osm.tags')}</th></tr></thead>
        <tbody>
          {rules.map((r, i) => {
            const label = t(`category.${r.category}`, { defaultValue: r.category });
            return (
              <tr key={r.category}>
                <td>{label}</td>
                <td>
                  <input type="text" value={texts[i]} aria-label={t('import.osm.tagsOf', { category: label })} aria-invalid={parsed[i] === null}
                    spellCheck={false} onChange={(e) => edit(i, e.target.value)} />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {parsed.some((m) => m === null) && <p className="error" role="alert">{t('import.osm.tagsInvalid')}</p>}
      <p className="hint">{t('import.osm.tagsHint')} <button type="button" className="link" onClick={reset}>{t('import.osm.tagsReset')}</button></p>
    </>
  );
}
