import { ICONS, type IconId, type IconShape } from '../../sketch/sketch-icons';

/** A bundled sketch picture (src/sketch/sketch-icons.ts); decorative, the button's word says what it is. */
export function Icon({ id, size = 24, className = 'pic' }: { readonly id: IconId; readonly size?: number; readonly className?: string }) {
  return (
    <svg className={className} data-icon={id} width={size} height={size} viewBox="0 0 24 24" aria-hidden="true" focusable="false">
      {(ICONS[id] as readonly IconShape[]).map((s, i) => (
        <path key={i} d={s.d} fill={s.fill ?? 'none'} stroke={s.stroke} strokeWidth={s.width} opacity={s.opacity} strokeLinecap="round" strokeLinejoin="round" />
      ))}
    </svg>
  );
}
