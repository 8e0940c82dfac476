import { useTranslation } from 'react-i18next';
import { useAppState } from './store-context';

/** The demo city is made up; say so wherever it is shown, and only while one of its layers is. */
export function DemoNotice() {
  const { t } = useTranslation();
  const demo = useAppState((s) => s.demo);
  const lang = useAppState((s) => s.language);
  const shown = useAppState((s) => s.doc.layers.some((l) => l.source.kind === 'demo'));
  if (!demo || !shown) return null;
  const text = t(demo.synthetic ? 'demo.synthetic' : 'demo.real', { name: demo.name[lang] });
  return (
    <p className="demo-notice" role="note" data-testid="demo-notice" title={text}>
      {text}
    </p>
  );
}
