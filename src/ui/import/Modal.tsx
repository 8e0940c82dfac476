import { useEffect, useRef, type ReactNode } from 'react';

interface Props {
  readonly title: string;
  readonly onClose: () => void;
  readonly children: ReactNode;
  readonly className?: string;
}

/** A native modal <dialog>: the browser traps focus, Escape closes it, screen readers announce the title. */
export function Modal({ title, onClose, children, className }: Props) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const d = ref.current;
    if (d && !d.open) d.showModal();
    return () => d?.close();
  }, []);
  const titleId = `${className ?? 'modal'}-title`;
  return (
    <dialog ref={ref} className={`modal ${className ?? ''}`} aria-labelledby={titleId}
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}>
      <h2 id={titleId}>{title}</h2>
      {children}
    </dialog>
  );
}
